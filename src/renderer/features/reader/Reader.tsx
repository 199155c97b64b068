import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageDetail } from '../../../shared/types';
import { EmptyState } from '../../components/EmptyState';
import { errorKey } from '../../lib/errors';
import { useOpenMessageId } from '../message-list/selectionStore';
import { useSettings, useSettingsStore } from '../settings/settingsStore';
import { Attachments } from './Attachments';
import { HtmlBody } from './HtmlBody';
import { MessageHeader } from './MessageHeader';
import { PlainBody } from './PlainBody';
import { RemoteContentBar } from './RemoteContentBar';
import { useMarkReadOnOpen } from './useMarkReadOnOpen';
import { useMessageDetail } from './useMessageDetail';

/** The right pane: the open message, or a hint how to open one. */
export function Reader() {
  const { t } = useTranslation();
  const messageId = useOpenMessageId();
  return (
    <main className="reader" aria-label={t('app.reader')}>
      {messageId === null ? (
        <EmptyState icon="mail" title={t('reader.empty')} hint={t('reader.emptyHint')} />
      ) : (
        // A fresh component per message: "show once" and the loading state never carry over to the next one.
        <OpenMessage key={messageId} messageId={messageId} />
      )}
    </main>
  );
}

function OpenMessage({ messageId }: { messageId: number }) {
  const { t } = useTranslation();
  const state = useMessageDetail(messageId);
  if (state.phase === 'loading') return <p className="reader__loading">{t('reader.loading')}</p>;
  if (state.phase === 'failed') {
    return (
      <p className="banner banner--error" role="alert">
        {t('reader.loadFailed', { reason: t(errorKey(state.error)) })}
      </p>
    );
  }
  return <MessageView message={state.message} />;
}

function MessageView({ message }: { message: MessageDetail }) {
  const { t } = useTranslation();
  useMarkReadOnOpen(message);
  const { remoteContentSenders } = useSettings();
  const allowRemoteContent = useSettingsStore((state) => state.allowRemoteContent);
  const [shownOnce, setShownOnce] = useState(false);
  const sender = message.from?.address.toLowerCase() ?? null;
  const senderAllowed = sender !== null && remoteContentSenders.some((address) => address.toLowerCase() === sender);
  const remoteAllowed = message.remoteContentAllowed || senderAllowed || shownOnce;

  return (
    <article className="reader__message" data-testid="reader">
      <MessageHeader message={message} />
      <Attachments attachments={message.attachments} />
      {message.html && message.hasRemoteContent && !remoteAllowed && (
        <RemoteContentBar
          canAlways={sender !== null}
          onShowOnce={() => setShownOnce(true)}
          onAlways={() => {
            // Shown at once; the setting follows (a failure to save only means it is asked again next time).
            setShownOnce(true);
            if (message.from) allowRemoteContent(message.from.address).catch(() => {});
          }}
        />
      )}
      {!message.bodyAvailable ? (
        <p className="banner banner--notice" role="status">
          {t('reader.bodyUnavailable')}
        </p>
      ) : message.html ? (
        <HtmlBody html={message.html} remoteContentAllowed={remoteAllowed} title={message.subject} />
      ) : message.text ? (
        <PlainBody text={message.text} />
      ) : (
        <p className="reader__no-body">{t('reader.emptyBody')}</p>
      )}
    </article>
  );
}
