import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageSummary } from '../../../shared/types';
import { Icon } from '../../components/Icon';
import { formatListDate } from '../../lib/formatDate';

interface MessageRowProps {
  message: MessageSummary | undefined;
  index: number;
  total: number;
  selected: boolean;
  open: boolean;
  locale: string;
  now: number;
  onOpen(message: MessageSummary, index: number): void;
}

/** One message in the list: sender, date, subject, snippet and its marks; a quiet placeholder until loaded. */
export const MessageRow = memo(function MessageRow(props: MessageRowProps) {
  const { message, index, total, selected, open, locale, now, onOpen } = props;
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
  const sender = message.from ? message.from.name || message.from.address : t('list.noSender');

  return (
    <div {...common} className={classes.join(' ')} data-message-id={message.id} onClick={() => onOpen(message, index)}>
      <div className="message-row__line">
        {message.seen ? (
          <span className="message-row__unread-dot" />
        ) : (
          <span className="message-row__unread-dot" role="img" aria-label={t('list.unread')} />
        )}
        <span className="message-row__sender" title={message.from?.address}>
          {sender}
        </span>
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
