import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { errorKey } from '../../lib/errors';
import { useAccounts } from '../accounts/accountsStore';
import { AddressField } from './AddressField';
import { formatRecipient } from './addresses';
import { AttachmentList } from './AttachmentList';
import { messageSize, sizeLimitOf } from './attachmentSize';
import type { ComposerSession } from './composerStore';
import { choiceKey, senderChoices } from '../../../shared/identities';
import { readAttachments } from './readFiles';
import { RichEditor } from './RichEditor';
import { SendLaterPanel } from './SendLaterPanel';
import { useComposer, type Composer as ComposerModel, type SendProblem } from './useComposer';

const TITLES = { new: 'composer.newMessage', reply: 'composer.reply', forward: 'composer.forward', draft: 'composer.draft' } as const;

function problemText(problem: SendProblem, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (problem === 'no-recipients') return t('composer.noRecipients');
  if (problem === 'invalid-recipients') return t('composer.invalidRecipients');
  return t('composer.sendFailed', { reason: t(errorKey(problem.error)) });
}

function SaveStatus({ composer }: { composer: ComposerModel }) {
  const { t } = useTranslation();
  const state = composer.saveState;
  if (state.phase === 'idle') return null;
  const text = state.phase === 'failed' ? t('composer.saveFailed', { reason: t(errorKey(state.error)) }) : t(`composer.${state.phase}`);
  return (
    <span className={state.phase === 'failed' ? 'composer__status composer__status--error' : 'composer__status'} role="status">
      {text}
    </span>
  );
}

/** A message being written, in a window over the reader: Apple Mail's and Fastmail's shape. */
export function Composer({ session }: { session: ComposerSession }) {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const composer = useComposer(session);
  const { fields, update } = composer;
  const [showCc, setShowCc] = useState(fields.cc.length > 0);
  const [showBcc, setShowBcc] = useState(fields.bcc.length > 0);
  const [laterOpen, setLaterOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const attach = (files: FileList | null): void => {
    if (!files || files.length === 0) return;
    void readAttachments([...files]).then(composer.addAttachments);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void composer.send();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      void composer.close();
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>): void => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(false);
    attach(event.dataTransfer.files);
  };

  const choices = senderChoices(accounts);
  const account = accounts.find((candidate) => candidate.id === fields.accountId);
  const selectedChoice = choiceKey(fields.accountId, fields.from?.address ?? account?.address ?? '');
  const title = fields.subject.trim() || t(TITLES[session.kind]);
  return (
    <section
      className="composer"
      role="dialog"
      aria-label={t(TITLES[session.kind])}
      data-testid="composer"
      onKeyDown={onKeyDown}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="composer__header">
        <h2 className="composer__title">{title}</h2>
        <button type="button" className="icon-button" aria-label={t('composer.close')} title={t('composer.close')} onClick={() => void composer.close()}>
          <Icon name="close" />
        </button>
      </header>
      <div className="composer__fields">
        <div className="composer__row">
          <label className="composer__label" htmlFor="composer-from">
            {t('composer.from')}
          </label>
          <select
            id="composer-from"
            name="from"
            className="composer__select"
            value={selectedChoice}
            onChange={(event) => {
              const choice = choices.find(({ accountId, identity }) => choiceKey(accountId, identity.address) === event.target.value);
              if (choice) update({ accountId: choice.accountId, from: { name: choice.identity.name, address: choice.identity.address } });
            }}
          >
            {choices.map(({ accountId, identity }) => (
              <option key={choiceKey(accountId, identity.address)} value={choiceKey(accountId, identity.address)}>
                {formatRecipient(identity)}
              </option>
            ))}
          </select>
        </div>
        <div className="composer__row composer__row--recipients">
          <AddressField label={t('composer.to')} name="to" recipients={fields.to} onChange={(to) => update({ to })} autoFocus={session.kind === 'new' || session.kind === 'forward'} />
          <span className="composer__toggles">
            {!showCc && (
              <button type="button" className="text-button" onClick={() => setShowCc(true)}>
                {t('composer.cc')}
              </button>
            )}
            {!showBcc && (
              <button type="button" className="text-button" onClick={() => setShowBcc(true)}>
                {t('composer.bcc')}
              </button>
            )}
          </span>
        </div>
        {showCc && (
          <div className="composer__row">
            <AddressField label={t('composer.cc')} name="cc" recipients={fields.cc} onChange={(cc) => update({ cc })} autoFocus={fields.cc.length === 0} />
          </div>
        )}
        {showBcc && (
          <div className="composer__row">
            <AddressField label={t('composer.bcc')} name="bcc" recipients={fields.bcc} onChange={(bcc) => update({ bcc })} autoFocus={fields.bcc.length === 0} />
          </div>
        )}
        <div className="composer__row">
          <label className="composer__label" htmlFor="composer-subject">
            {t('composer.subject')}
          </label>
          <input
            id="composer-subject"
            name="subject"
            className="composer__subject"
            value={fields.subject}
            autoComplete="off"
            onChange={(event) => update({ subject: event.target.value })}
          />
        </div>
      </div>
      <RichEditor editorRef={composer.editorRef} initialHtml={session.draft.html} onChange={composer.bodyChanged} autoFocus={session.kind === 'reply' || session.kind === 'draft'} />
      <AttachmentList
        attachments={fields.attachments}
        messageBytes={messageSize(fields.attachments, 0)}
        limitBytes={sizeLimitOf(account)}
        onRemove={(index) => update({ attachments: fields.attachments.filter((_, at) => at !== index) })}
      />
      {laterOpen && <SendLaterPanel disabled={composer.sending} onCancel={() => setLaterOpen(false)} onSchedule={(sendAt) => void composer.send(sendAt)} />}
      <footer className="composer__footer">
        <button
          type="button"
          className="button button--primary"
          disabled={composer.sending || composer.fetchingAttachments > 0}
          onClick={() => void composer.send()}
          title={t('composer.sendShortcut')}
        >
          <Icon name="sent" /> {t('composer.send')}
        </button>
        <button type="button" className="button" aria-expanded={laterOpen} onClick={() => setLaterOpen((open) => !open)}>
          {t('composer.sendLater')}
        </button>
        <button type="button" className="icon-button" aria-label={t('composer.attach')} title={t('composer.attach')} onClick={() => fileInput.current?.click()}>
          <Icon name="paperclip" />
        </button>
        <input ref={fileInput} type="file" multiple hidden name="attachments" onChange={(event) => {
          attach(event.target.files);
          event.target.value = '';
        }} />
        {composer.fetchingAttachments > 0 && <span className="composer__status">{t('composer.fetchingAttachments')}</span>}
        {composer.attachmentProblem && composer.sendProblem === null && (
          <span className="composer__status composer__status--error" role="alert">
            {t('composer.attachmentFailed', { name: composer.attachmentProblem.filename, reason: t(errorKey(composer.attachmentProblem.error)) })}
          </span>
        )}
        {composer.sendProblem !== null && (
          <span className="composer__status composer__status--error" role="alert">
            {problemText(composer.sendProblem, t)}
          </span>
        )}
        <span className="toolbar__spacer" />
        {composer.sendProblem === null && <SaveStatus composer={composer} />}
        <button type="button" className="icon-button" aria-label={t('composer.discard')} title={t('composer.discard')} onClick={() => void composer.discard()}>
          <Icon name="trash" />
        </button>
      </footer>
      {dragging && (
        <div className="composer__drop" aria-hidden="true">
          <Icon name="paperclip" size={28} />
          {t('composer.dropFiles')}
        </div>
      )}
    </section>
  );
}
