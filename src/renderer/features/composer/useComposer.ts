/**
 * The state of one open composer: the fields, the draft saved as the user writes, and sending. The body's HTML
 * lives in the editor's DOM (a contentEditable keeps its own caret and undo history); it is read when a draft is
 * made.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Draft, DraftAttachment, OutboxEntry } from '../../../shared/api/compose';
import type { Address } from '../../../shared/types';
import { api } from '../../lib/bridge';
import { useSettingsStore } from '../settings/settingsStore';
import { toAddress, toRecipient, type Recipient } from './addresses';
import { useComposerStore, type ComposerSession } from './composerStore';
import { createDraftSaver, type DraftSaver } from './draftSaver';
import { dataImagesToCid } from './inlineImages';
import { newDraftId, signatureBlock } from './openComposer';

export interface ComposerFields {
  accountId: string;
  /** The identity it goes out as; null for the account's own address. */
  from: Address | null;
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  subject: string;
  attachments: DraftAttachment[];
}

export type SaveState = { phase: 'idle' | 'saving' | 'saved' } | { phase: 'failed'; error: unknown };

/** Why the composer refuses to send: it says so next to the buttons. */
export type SendProblem = 'no-recipients' | 'invalid-recipients' | { error: unknown };

export interface Composer {
  fields: ComposerFields;
  update(patch: Partial<ComposerFields>): void;
  /** Adds files read after the fact (reading is asynchronous; other edits may have happened meanwhile). */
  addAttachments(added: DraftAttachment[]): void;
  /** The editor's content changed. */
  bodyChanged(): void;
  editorRef: React.RefObject<HTMLDivElement | null>;
  saveState: SaveState;
  sendProblem: SendProblem | null;
  /** A forwarded attachment that could not be fetched from the server. */
  attachmentProblem: { filename: string; error: unknown } | null;
  /** Forwarded attachments still being fetched: sending waits for them. */
  fetchingAttachments: number;
  sending: boolean;
  send(sendAt?: number): Promise<void>;
  /** Saves what is unsaved and closes (Esc, the close button). */
  close(): Promise<void>;
  discard(): Promise<void>;
}

function fieldsOf(draft: Draft): ComposerFields {
  return {
    accountId: draft.accountId,
    from: draft.from ?? null,
    to: draft.to.map(toRecipient),
    cc: draft.cc.map(toRecipient),
    bcc: draft.bcc.map(toRecipient),
    subject: draft.subject,
    attachments: draft.attachments,
  };
}

const validOnly = (recipients: readonly Recipient[]) => recipients.filter((recipient) => recipient.valid).map(toAddress);

export function useComposer(session: ComposerSession): Composer {
  const { draftId, replyTo } = session.draft;
  const [fields, setFields] = useState(() => fieldsOf(session.draft));
  const fieldsRef = useRef(fields);
  const editorRef = useRef<HTMLDivElement | null>(null);
  const contentIds = useRef(new Map<string, string>());
  const everSaved = useRef(session.kind === 'draft');
  const finished = useRef(false);
  const [saveState, setSaveState] = useState<SaveState>({ phase: 'idle' });
  const [sendProblem, setSendProblem] = useState<SendProblem | null>(null);
  const [sending, setSending] = useState(false);
  const [attachmentProblem, setAttachmentProblem] = useState<Composer['attachmentProblem']>(null);
  const [fetchingAttachments, setFetchingAttachments] = useState(session.forwardedAttachments.length);

  const snapshot = useCallback(
    (revision: number): Draft => {
      const current = fieldsRef.current;
      const editorHtml = editorRef.current?.innerHTML ?? session.draft.html;
      const contentIdFor = (base64: string): string => {
        let id = contentIds.current.get(base64);
        if (!id) contentIds.current.set(base64, (id = `${newDraftId()}@postino`));
        return id;
      };
      const { html, images } = dataImagesToCid(editorHtml, contentIdFor);
      return {
        draftId,
        accountId: current.accountId,
        revision,
        ...(current.from ? { from: current.from } : {}),
        to: validOnly(current.to),
        cc: validOnly(current.cc),
        bcc: validOnly(current.bcc),
        subject: current.subject,
        html,
        attachments: [...current.attachments, ...images],
        ...(replyTo ? { replyTo } : {}),
      };
    },
    [draftId, replyTo, session.draft.html],
  );

  const makeSaver = useCallback(
    (startRevision: number): DraftSaver =>
      createDraftSaver({
        snapshot,
        startRevision,
        save: (draft) => {
          setSaveState({ phase: 'saving' });
          return api.compose.saveDraft(draft);
        },
        onSaved: () => {
          everSaved.current = true;
          setSaveState({ phase: 'saved' });
        },
        onError: (error) => setSaveState({ phase: 'failed', error }),
      }),
    [snapshot],
  );
  const saverRef = useRef<DraftSaver | null>(null);
  const startRevision = session.draft.revision;
  // Made on the first change, not during render: a composer opened and closed untouched never saves.
  const saver = useCallback((): DraftSaver => (saverRef.current ??= makeSaver(startRevision)), [makeSaver, startRevision]);

  // Replaced by another composer (or the app reloads the tree) without Close: keep what was written.
  useEffect(
    () => () => {
      if (finished.current) return;
      void saverRef.current?.flush().then(() => (everSaved.current ? api.compose.closeDraft(draftId) : undefined)).catch(() => {});
    },
    [draftId],
  );

  const update = useCallback((patch: Partial<ComposerFields>) => {
    const previous = fieldsRef.current;
    fieldsRef.current = { ...previous, ...patch };
    setFields(fieldsRef.current);
    setSendProblem(null);
    const next = fieldsRef.current;
    if (next.accountId !== previous.accountId || next.from?.address !== previous.from?.address) {
      swapSignature(editorRef.current, next.accountId, next.from?.address);
    }
    saver().changed();
  }, [saver]);

  const addAttachments = useCallback(
    (added: DraftAttachment[]) => update({ attachments: [...fieldsRef.current.attachments, ...added] }),
    [update],
  );

  // A forward carries the original's files: fetched (from the cache, else the server) once the composer is open.
  // They are part of the message from the start, not an edit: an untouched forward is still not saved as a draft.
  const forwarded = session.forwardedAttachments;
  useEffect(() => {
    let current = true;
    for (const original of forwarded) {
      const fetched = 'attachmentId' in original ? api.messages.attachment(original.attachmentId) : api.compose.originalAsAttachment(original.messageId);
      fetched.then(
        ({ filename, contentType, base64 }) => {
          if (!current) return;
          fieldsRef.current = { ...fieldsRef.current, attachments: [...fieldsRef.current.attachments, { filename, contentType, base64 }] };
          setFields(fieldsRef.current);
          setFetchingAttachments((count) => count - 1);
        },
        (error: unknown) => {
          if (!current) return;
          setAttachmentProblem({ filename: original.filename, error });
          setFetchingAttachments((count) => count - 1);
        },
      );
    }
    return () => {
      current = false;
    };
  }, [forwarded]);

  const bodyChanged = useCallback(() => saver().changed(), [saver]);

  const finish = useCallback(() => {
    finished.current = true;
    useComposerStore.getState().close();
  }, []);

  const close = useCallback(async () => {
    await saverRef.current?.flush();
    finish();
    if (everSaved.current) await api.compose.closeDraft(draftId).catch(() => {});
  }, [draftId, finish]);

  const discard = useCallback(async () => {
    await saverRef.current?.stop();
    finish();
    if (everSaved.current) await api.compose.discardDraft(draftId).catch(() => {});
  }, [draftId, finish]);

  const send = useCallback(
    async (sendAt?: number) => {
      const current = fieldsRef.current;
      const all = [...current.to, ...current.cc, ...current.bcc];
      if (all.length === 0) return setSendProblem('no-recipients');
      if (all.some((recipient) => !recipient.valid)) return setSendProblem('invalid-recipients');
      const stopped = saver();
      setSending(true);
      // No save may land after the send: the core turns the draft into an outbox entry, and a late save would
      // bring the draft back.
      await stopped.stop();
      let entry: OutboxEntry;
      try {
        entry = await api.compose.send(snapshot(stopped.revision + 1), { undoDelayMs: undoDelayMs(), ...(sendAt ? { sendAt } : {}) });
      } catch (error) {
        saverRef.current = makeSaver(stopped.revision);
        saverRef.current.changed();
        setSending(false);
        return setSendProblem({ error });
      }
      finish();
      useComposerStore.getState().notify({ kind: 'sending', entry, scheduled: sendAt !== undefined });
    },
    [finish, makeSaver, saver, snapshot],
  );

  return useMemo(
    () => ({ fields, update, addAttachments, bodyChanged, editorRef, saveState, sendProblem, attachmentProblem, fetchingAttachments, sending, send, close, discard }),
    [fields, update, addAttachments, bodyChanged, saveState, sendProblem, attachmentProblem, fetchingAttachments, sending, send, close, discard],
  );
}

/** How long a sent message can be taken back: the user's "Undo send" setting. */
export function undoDelayMs(): number {
  return useSettingsStore.getState().settings.undoSendSeconds * 1000;
}

/** Choosing another sender puts that identity's signature in place of the previous one. */
function swapSignature(editor: HTMLDivElement | null, accountId: string, address: string | undefined): void {
  if (!editor) return;
  const block = editor.querySelector('[data-signature]');
  const replacement = signatureBlock(accountId, address);
  if (block) {
    if (replacement) block.outerHTML = replacement;
    else block.remove();
  } else if (replacement) {
    const first = editor.firstElementChild;
    if (first) first.insertAdjacentHTML('afterend', replacement);
    else editor.insertAdjacentHTML('beforeend', replacement);
  }
}
