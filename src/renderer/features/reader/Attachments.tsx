import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../shared/types';
import { Icon } from '../../components/Icon';
import { errorKey } from '../../lib/errors';
import { formatSize } from '../../lib/formatNumber';
import { useFormattingLocale } from '../../lib/hooks';
import { downloadAttachment } from './download';

export function Attachments({ attachments }: { attachments: AttachmentMeta[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <section className="attachments" aria-label={t('reader.attachments')}>
      <ul className="attachments__list">
        {attachments.map((attachment) => (
          <AttachmentItem key={attachment.id} attachment={attachment} />
        ))}
      </ul>
    </section>
  );
}

function AttachmentItem({ attachment }: { attachment: AttachmentMeta }) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = () => {
    setSaving(true);
    setError(null);
    downloadAttachment(attachment.id)
      .catch(setError)
      .finally(() => setSaving(false));
  };
  return (
    <li className="attachment">
      <Icon name="paperclip" className="attachment__icon" />
      <span className="attachment__text">
        <span className="attachment__name" title={attachment.filename}>
          {attachment.filename}
        </span>
        <span className="attachment__meta">
          {attachment.contentType} · {formatSize(attachment.size, locale)}
        </span>
        {error !== null && (
          <span className="attachment__error" role="alert">
            {t(errorKey(error))}
          </span>
        )}
      </span>
      <button type="button" className="button button--small" onClick={save} disabled={saving} aria-label={`${t('reader.save')} ${attachment.filename}`}>
        <Icon name="download" size={14} /> {t('reader.save')}
      </button>
    </li>
  );
}
