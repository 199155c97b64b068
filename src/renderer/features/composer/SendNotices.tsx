import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../shared/api/compose';
import { Icon } from '../../components/Icon';
import { api } from '../../lib/bridge';
import { errorKey } from '../../lib/errors';
import { formatMoment } from '../../lib/formatDate';
import { useCoreEvent, useFormattingLocale, useNow } from '../../lib/hooks';
import { useComposerStore, type SendNotice } from './composerStore';
import { openStoredDraft } from './openComposer';
import { undoDelayMs } from './useComposer';
import './notices.css';

/** How long "Scheduled for …" stays after a send later; its Undo works until the message goes, from the outbox. */
const SCHEDULED_NOTICE_MS = 8_000;

/** Outbox entries the user must hear about: refused by the server, or sent without the server confirming it. */
const needsAttention = (entry: OutboxEntry): boolean => entry.state === 'failed' || entry.state === 'sent-unconfirmed';

/** Tells the user about outbox failures as they happen; each failed message once per session. */
function useOutboxFailures(): void {
  const told = useRef(new Set<number>());
  const notify = useComposerStore((state) => state.notify);
  const check = (): void => {
    api.compose.listOutbox().then(
      (entries) => {
        for (const entry of entries.filter(needsAttention)) {
          if (told.current.has(entry.id)) continue;
          told.current.add(entry.id);
          notify({ kind: 'failed', entry });
        }
      },
      () => {},
    );
  };
  useCoreEvent('store:changed', (change) => {
    if (change.entity === 'outbox') check();
  });
}

function SendingNotice({ entry, scheduled }: { entry: OutboxEntry; scheduled: boolean }) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const dismiss = useComposerStore((state) => state.dismiss);
  const [problem, setProblem] = useState<string | null>(null);
  const now = useNow(30_000);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(entry.id), scheduled ? SCHEDULED_NOTICE_MS : undoDelayMs());
    return () => clearTimeout(timer);
  }, [dismiss, entry.id, scheduled]);
  const undo = (): void => {
    api.compose.cancelSend(entry.id).then(
      (draft) => {
        dismiss(entry.id);
        openStoredDraft(draft);
      },
      () => setProblem(t('composer.undoTooLate')),
    );
  };
  return (
    <>
      <span className="toast__text">{problem ?? (scheduled ? t('composer.scheduled', { when: formatMoment(entry.sendAt, now, locale) }) : t('composer.sending'))}</span>
      {problem === null && (
        <button type="button" className="toast__action" onClick={undo}>
          {t('composer.undo')}
        </button>
      )}
    </>
  );
}

function FailedNotice({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const dismiss = useComposerStore((state) => state.dismiss);
  const reason = entry.state === 'sent-unconfirmed' ? t('composer.unconfirmed') : t(errorKey(entry.error));
  return (
    <>
      <span className="toast__text">{t('composer.failedNotice', { subject: entry.subject || t('list.noSubject'), reason })}</span>
      <button
        type="button"
        className="toast__action"
        onClick={() => {
          dismiss(entry.id);
          api.compose.retrySend(entry.id).catch(() => {});
        }}
      >
        {t('composer.retry')}
      </button>
    </>
  );
}

/** The notices at the bottom of the window: "Sending… Undo", "Scheduled for …", "Couldn't send …". */
export function SendNotices() {
  const { t } = useTranslation();
  const notices = useComposerStore((state) => state.notices);
  const dismiss = useComposerStore((state) => state.dismiss);
  useOutboxFailures();
  if (notices.length === 0) return null;
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((notice: SendNotice) => (
        <div key={notice.entry.id} className={notice.kind === 'failed' ? 'toast toast--error' : 'toast'} data-testid="send-notice">
          {notice.kind === 'sending' ? <SendingNotice entry={notice.entry} scheduled={notice.scheduled} /> : <FailedNotice entry={notice.entry} />}
          <button type="button" className="toast__close" aria-label={t('composer.dismiss')} title={t('composer.dismiss')} onClick={() => dismiss(notice.entry.id)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
