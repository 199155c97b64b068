import { memo, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageSummary } from '../../../shared/types';
import { Icon } from '../../components/Icon';
import { formatListDate } from '../../lib/formatDate';
import { MessageActionMenu } from '../actions/RowActionMenu';

interface MessageRowProps {
  message: MessageSummary | undefined;
  index: number;
  total: number;
  selected: boolean;
  open: boolean;
  /** Ticked for acting on with others. */
  checked: boolean;
  locale: string;
  now: number;
  onOpen(message: MessageSummary, index: number): void;
  /** The checkbox was clicked; with Shift, ticks or unticks the range from the last row clicked. */
  onCheck(message: MessageSummary, index: number, range: boolean): void;
  onDragStart(message: MessageSummary, event: DragEvent): void;
  onDragEnd(): void;
}

/** One message in the list: sender, date, subject, snippet and its marks; a quiet placeholder until loaded. */
export const MessageRow = memo(function MessageRow(props: MessageRowProps) {
  const { message, index, total, selected, open, checked, locale, now, onOpen, onCheck, onDragStart, onDragEnd } = props;
  const { t } = useTranslation();
  const common = {
    id: `message-row-${index}`,
    role: 'option' as const,
    'aria-setsize': total,
    'aria-posinset': index + 1,
    'aria-selected': selected,
  };
  if (!message) {
    return (
      <div {...common} className="message-row message-row--placeholder" aria-busy="true" aria-label={t('list.loadingRow')}>
        <span className="skeleton skeleton--short" />
        <span className="skeleton" />
        <span className="skeleton skeleton--long" />
      </div>
    );
  }
  const classes = ['message-row'];
  if (!message.seen) classes.push('message-row--unread');
  if (selected) classes.push('message-row--cursor');
  if (open) classes.push('message-row--open');
  if (checked) classes.push('message-row--checked');
  const sender = message.from ? message.from.name || message.from.address : t('list.noSender');

  return (
    <div
      {...common}
      className={classes.join(' ')}
      data-message-id={message.id}
      onClick={(event) => {
        // As in desktop mail clients: Ctrl/⌘-click ticks a row, Shift-click ticks a range; a plain click opens.
        if (event.shiftKey || event.ctrlKey || event.metaKey) onCheck(message, index, event.shiftKey);
        else onOpen(message, index);
      }}
      draggable
      onDragStart={(event) => onDragStart(message, event)}
      onDragEnd={onDragEnd}
    >
      <input
        type="checkbox"
        className="check-box message-row__check"
        checked={checked}
        aria-label={`${t('actions.select')}: ${message.subject || t('list.noSubject')}`}
        // Ticking is a click (it carries Shift for ranges); the list's own keys move the cursor, x ticks.
        tabIndex={-1}
        onClick={(event) => {
          event.stopPropagation();
          onCheck(message, index, event.shiftKey);
        }}
        onChange={() => {}}
      />
      <div className="message-row__line">
        {message.seen ? (
          <span className="message-row__unread-dot" />
        ) : (
          <span className="message-row__unread-dot" role="img" aria-label={t('list.unread')} />
        )}
        <span className="message-row__sender" title={message.from?.address}>
          {sender}
        </span>
        <MessageActionMenu message={message} className="message-row__menu" tabbable={selected} />
        {message.threadCount > 1 && (
          <span className="message-row__thread" aria-label={t('list.thread', { count: message.threadCount })}>
            {message.threadCount}
          </span>
        )}
        <span className="message-row__marks">
          {message.hasAttachments && <MarkIcon name="paperclip" label={t('list.attachment')} />}
          {message.answered && <MarkIcon name="reply" label={t('list.answered')} />}
          {message.flagged && <MarkIcon name="flagged" label={t('list.flagged')} className="mark--flagged" />}
        </span>
        <time className="message-row__date" dateTime={new Date(message.date).toISOString()}>
          {formatListDate(message.date, now, locale)}
        </time>
      </div>
      <div className="message-row__subject">{message.subject || t('list.noSubject')}</div>
      <div className="message-row__snippet">{message.snippet}</div>
    </div>
  );
});

function MarkIcon({ name, label, className }: { name: 'paperclip' | 'reply' | 'flagged'; label: string; className?: string }) {
  return (
    <span className={className ? `mark ${className}` : 'mark'} role="img" aria-label={label} title={label}>
      <Icon name={name} size={13} />
    </span>
  );
}
