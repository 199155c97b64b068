import { useTranslation } from 'react-i18next';
import type { DraftAttachment } from '../../../shared/api/compose';
import { Icon } from '../../components/Icon';
import { useFormattingLocale } from '../../lib/hooks';
import { formatSize } from '../../lib/formatNumber';
import { decodedSize, isOverSizeLimit } from './attachmentSize';

/** The files going with the message, each with its size, and a warning when together they are too big. */
export function AttachmentList({ attachments, messageBytes, limitBytes, onRemove }: {
  attachments: DraftAttachment[];
  /** The whole message as it will travel (see attachmentSize.ts). */
  messageBytes: number;
  /** What the sending account's server accepts. */
  limitBytes: number;
  onRemove(index: number): void;
}) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  if (attachments.length === 0) return null;
  const over = isOverSizeLimit(messageBytes, limitBytes);
  return (
    <div className="composer-attachments">
      <ul className="composer-attachments__list" aria-label={t('composer.attachments')}>
        {attachments.map((attachment, index) => (
          <li key={`${attachment.filename}-${index}`} className="composer-attachment">
            <Icon name="paperclip" size={14} />
            <span className="composer-attachment__name" title={attachment.filename}>
              {attachment.filename}
            </span>
            <span className="composer-attachment__size">{formatSize(decodedSize(attachment.base64), locale)}</span>
            <button
              type="button"
              className="chip__remove"
              aria-label={t('composer.removeAttachment', { name: attachment.filename })}
              onClick={() => onRemove(index)}
            >
              <Icon name="close" size={12} />
            </button>
          </li>
        ))}
      </ul>
      {over && (
        <p className="banner banner--warning composer-attachments__warning" role="status">
          {t('composer.sizeWarning', { size: formatSize(messageBytes, locale), limit: formatSize(limitBytes, locale) })}
        </p>
      )}
    </div>
  );
}
