import { useTranslation } from 'react-i18next';
import type { Address, MessageDetail } from '../../../shared/types';
import { formatFullDate } from '../../lib/formatDate';
import { useFormattingLocale } from '../../lib/hooks';
import { MessageActionMenu } from '../actions/RowActionMenu';
import { ResponseButtons } from '../composer/ResponseButtons';

function formatAddress(address: Address): string {
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

/** Subject first (what the message is about), then who sent it to whom and when. */
export function MessageHeader({ message }: { message: MessageDetail }) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const rows: Array<[string, string]> = [];
  if (message.from) rows.push([t('reader.from'), formatAddress(message.from)]);
  if (message.to.length) rows.push([t('reader.to'), message.to.map(formatAddress).join(', ')]);
  if (message.cc.length) rows.push([t('reader.cc'), message.cc.map(formatAddress).join(', ')]);
  rows.push([t('reader.date'), formatFullDate(message.date, locale)]);
  return (
    <header className="reader__header">
      <div className="reader__actions">
        <ResponseButtons message={message} />
        <MessageActionMenu message={message} />
      </div>
      <h1 className="reader__subject">{message.subject || t('list.noSubject')}</h1>
      <dl className="reader__meta">
        {rows.map(([label, value]) => (
          <div className="reader__meta-row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
