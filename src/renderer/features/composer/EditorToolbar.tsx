import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { linkTarget } from './linkTarget';

/** Glyphs the shared icon set lacks, on the same 24-unit grid. */
const GLYPHS = {
  bulletList: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  numberedList: 'M10 6h10M10 12h10M10 18h10M4 5l1.5-1v5M3.5 14.5a1.5 1.5 0 1 1 2.5 1.1L3.5 18H6',
  quote: 'M6 17h3l2-4V7H5v6h3zM14 17h3l2-4V7h-6v6h3z',
  clearFormat: 'M4 7V4h16v3M9 20h6M12 4v16M3 3l18 18',
} as const;

function Glyph({ path }: { path: string }) {
  return (
    <svg className="icon" width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={path} />
    </svg>
  );
}

function exec(command: string, value?: string): void {
  // execCommand is deprecated but still the only way to edit a contentEditable that keeps the browser's own undo.
  document.execCommand(command, false, value);
}

function ToolButton({ label, onPress, children, pressed }: { label: string; onPress(): void; children: ReactNode; pressed?: boolean }) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      // mousedown keeps the editor's selection: a click would move focus to the button first.
      onMouseDown={(event) => {
        event.preventDefault();
        onPress();
      }}
    >
      {children}
    </button>
  );
}

/** Bold, italic, lists, quote, link and clear formatting for the editor below it. */
export function EditorToolbar({ editor, linkRequest }: { editor: HTMLDivElement | null; linkRequest: number }) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState<{ range: Range | null; request: number } | null>(null);
  const [url, setUrl] = useState('');
  const [seenRequest, setSeenRequest] = useState(linkRequest);

  const startLink = (): void => {
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 && editor?.contains(selection.anchorNode) ? selection.getRangeAt(0).cloneRange() : null;
    setUrl('');
    setLinking({ range, request: linkRequest });
  };
  // Ctrl+K in the editor asks for the link bar through a counter: state adjusted during render, not in an effect.
  if (linkRequest !== seenRequest) {
    setSeenRequest(linkRequest);
    startLink();
  }

  const applyLink = (): void => {
    const target = linkTarget(url);
    if (!target || !editor) return;
    editor.focus();
    const selection = window.getSelection();
    if (linking?.range && selection) {
      selection.removeAllRanges();
      selection.addRange(linking.range);
    }
    if (selection && selection.isCollapsed) exec('insertHTML', `<a href="${target.replace(/"/g, '%22')}">${target.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</a>`);
    else exec('createLink', target);
    setLinking(null);
  };

  const quoted = (): boolean => document.queryCommandValue('formatBlock').toLowerCase() === 'blockquote';

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('composer.formatting')}>
      <ToolButton label={t('composer.bold')} onPress={() => exec('bold')}>
        <strong className="tool-button__letter">B</strong>
      </ToolButton>
      <ToolButton label={t('composer.italic')} onPress={() => exec('italic')}>
        <em className="tool-button__letter tool-button__letter--italic">I</em>
      </ToolButton>
      <span className="editor-toolbar__divider" />
      <ToolButton label={t('composer.bulletList')} onPress={() => exec('insertUnorderedList')}>
        <Glyph path={GLYPHS.bulletList} />
      </ToolButton>
      <ToolButton label={t('composer.numberedList')} onPress={() => exec('insertOrderedList')}>
        <Glyph path={GLYPHS.numberedList} />
      </ToolButton>
      <ToolButton label={t('composer.quote')} onPress={() => exec('formatBlock', quoted() ? 'p' : 'blockquote')}>
        <Glyph path={GLYPHS.quote} />
      </ToolButton>
      <ToolButton label={t('composer.link')} onPress={startLink}>
        <Icon name="link" />
      </ToolButton>
      <ToolButton label={t('composer.clearFormatting')} onPress={() => exec('removeFormat')}>
        <Glyph path={GLYPHS.clearFormat} />
      </ToolButton>
      {linking && (
        <LinkBar url={url} valid={linkTarget(url) !== null} onUrl={setUrl} onApply={applyLink} onCancel={() => {
          setLinking(null);
          editor?.focus();
        }} />
      )}
    </div>
  );
}

function LinkBar({ url, valid, onUrl, onApply, onCancel }: { url: string; valid: boolean; onUrl(url: string): void; onApply(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <form
      className="link-bar"
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      <input
        ref={inputRef}
        autoFocus
        className="text-input text-input--small link-bar__input"
        name="link"
        type="text"
        inputMode="url"
        value={url}
        placeholder={t('composer.linkPlaceholder')}
        aria-label={t('composer.link')}
        onChange={(event) => onUrl(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      <button type="submit" className="button button--small" disabled={!valid}>
        {t('composer.addLink')}
      </button>
    </form>
  );
}
