import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorToolbar } from './EditorToolbar';
import { readAsDataUrl } from './readFiles';
import { sanitizeComposerHtml } from './sanitizeComposerHtml';
import './editor.css';

const PASTABLE_IMAGE = /^image\/(png|jpeg|gif|webp)$/;

/**
 * The message body: a contentEditable filled once with the opening HTML, then left to the browser (React never
 * re-renders its content, which would move the caret). Pasted HTML is sanitised; pasted images go in inline.
 */
export function RichEditor({ editorRef, initialHtml, onChange, autoFocus }: {
  editorRef: RefObject<HTMLDivElement | null>;
  initialHtml: string;
  onChange(): void;
  /** A reply starts in the body (its recipients are there already), above the quote. */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [editor, setEditor] = useState<HTMLDivElement | null>(null);
  const [linkRequest, setLinkRequest] = useState(0);
  const typed = useRef(false);
  const firstFocus = useRef(true);

  useEffect(() => {
    const element = editorRef.current;
    if (!element) return;
    element.innerHTML = initialHtml;
    // Enter makes paragraphs, as in every mail client, rather than bare <div>s.
    document.execCommand('defaultParagraphSeparator', false, 'p');
    if (!autoFocus) return;
    firstFocus.current = false;
    element.focus();
    placeCaretAtTop(element);
  }, [editor, editorRef, initialHtml, autoFocus]);

  // The first click into an untouched body lands wherever the pointer was, often below the text: in the
  // signature or the quote. The user means to start writing, at the top. Done on mouseup, once the click has
  // placed its caret and before a key can be typed.
  const startAtTop = (): void => {
    const element = editorRef.current;
    if (!firstFocus.current || !element) return;
    firstFocus.current = false;
    if (!typed.current) placeCaretAtTop(element);
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>): void => {
    const data = event.clipboardData;
    const images = [...data.files].filter((file) => PASTABLE_IMAGE.test(file.type));
    event.preventDefault();
    if (images.length > 0) {
      void Promise.all(images.map(readAsDataUrl)).then((urls) => {
        for (const url of urls) document.execCommand('insertImage', false, url);
        onChange();
      });
      return;
    }
    const html = data.getData('text/html');
    if (html) document.execCommand('insertHTML', false, sanitizeComposerHtml(html));
    else document.execCommand('insertText', false, data.getData('text/plain'));
    onChange();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setLinkRequest((count) => count + 1);
    }
  };

  return (
    <div className="rich-editor">
      <EditorToolbar editor={editor} linkRequest={linkRequest} />
      <div
        ref={(element) => {
          editorRef.current = element;
          setEditor(element);
        }}
        className="rich-editor__body"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={t('composer.body')}
        data-testid="composer-body"
        spellCheck
        onInput={() => {
          typed.current = true;
          onChange();
        }}
        onMouseUp={startAtTop}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

function placeCaretAtTop(element: HTMLElement): void {
  const range = document.createRange();
  range.setStart(element.firstChild ?? element, 0);
  range.collapse(true);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
