import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../shared/api/compose';
import { Dialog } from '../../components/Dialog';
import { api } from '../../lib/bridge';
import { errorKey } from '../../lib/errors';
import { formatMoment } from '../../lib/formatDate';
import { useFormattingLocale, useNow } from '../../lib/hooks';
import { formatRecipient } from '../composer/addresses';
import { useComposerStore } from '../composer/composerStore';
import { openStoredDraft } from '../composer/openComposer';
import { entryStatus } from './outboxEntries';
import { useOutboxEntries, useOutboxStore } from './outboxStore';
import './outbox.css';

type Act = (work: () => Promise<unknown>) => void;

/** What can be done with an entry in its state: edit or take back what waits, retry or give up what failed. */
function EntryActions({ entry, status, act }: { entry: OutboxEntry; status: ReturnType<typeof entryStatus>; act: Act }) {
  const { t } = useTranslation();
  const hideView = useOutboxStore((state) => state.hideView);
  // Taken back here, its "Sending… Undo" notice has nothing left to undo.
  const takeBack = async () => {
    const draft = await api.compose.cancelSend(entry.id);
    useComposerStore.getState().dismiss(entry.id);
    return draft;
  };
  const edit = () =>
    act(async () => {
      const draft = await takeBack();
      hideView();
      openStoredDraft(draft);
    });
  const discard = () => act(async () => api.compose.discardDraft((await takeBack()).draftId));
  const retry = () => act(() => api.compose.retrySend(entry.id));
  if (status === 'sending') return null;
  return (
    <div className="outbox-entry__actions">
      {(status === 'failed' || status === 'unconfirmed') && (
        <button type="button" className="button button--small button--primary" onClick={retry}>
          {t('composer.retry')}
        </button>
      )}
      {status !== 'unconfirmed' && (
        <button type="button" className="button button--small" onClick={edit}>
          {t('outbox.edit')}
        </button>
      )}
      <button type="button" className="button button--small button--danger" onClick={discard}>
        {t('outbox.discard')}
      </button>
    </div>
  );
}

function EntryRow({ entry, now, act }: { entry: OutboxEntry; now: number; act: Act }) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const status = entryStatus(entry, now);
  const reason = entry.error ? t(errorKey(entry.error)) : '';
  const text = {
    waiting: entry.error ? t('outbox.retrying', { reason }) : t('outbox.waiting'),
    scheduled: t('outbox.scheduled', { when: formatMoment(entry.sendAt, now, locale) }),
    sending: t('composer.sending'),
    failed: t('outbox.failed', { reason }),
    unconfirmed: t('outbox.unconfirmed'),
  }[status];
  return (
    <li className={`outbox-entry outbox-entry--${status}`} data-testid="outbox-entry" data-status={status}>
      <div className="outbox-entry__summary">
        <strong className="outbox-entry__subject">{entry.subject || t('list.noSubject')}</strong>
        <span className="outbox-entry__to">{entry.to.map(formatRecipient).join(', ')}</span>
        <span className="outbox-entry__status" role={status === 'failed' || status === 'unconfirmed' ? 'alert' : undefined}>
          {text}
        </span>
      </div>
      <EntryActions entry={entry} status={status} act={act} />
    </li>
  );
}

/** The Outbox: every message not sent yet, or whose sending needs the user, with what can be done about it. */
export function OutboxView() {
  const { t } = useTranslation();
  const entries = useOutboxEntries();
  const hideView = useOutboxStore((state) => state.hideView);
  const now = useNow(15_000);
  const [problem, setProblem] = useState<unknown>(null);
  const act: Act = (work) => {
    setProblem(null);
    work().catch(setProblem);
  };
  return (
    <Dialog title={t('outbox.title')} closeLabel={t('settings.close')} onClose={hideView} wide>
      {problem !== null && (
        <p className="banner banner--error" role="alert">
          {t('outbox.actionFailed', { reason: t(errorKey(problem)) })}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="outbox__empty">{t('outbox.empty')}</p>
      ) : (
        <ul className="outbox" aria-label={t('outbox.title')}>
          {entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} now={now} act={act} />
          ))}
        </ul>
      )}
    </Dialog>
  );
}
