/** The ways into the composer: a new message, a reply or forward of the open message, a stored draft. */
import i18next from 'i18next';
import type { Draft } from '../../../shared/api/compose';
import type { Account, Address, MessageDetail } from '../../../shared/types';
import { api } from '../../lib/bridge';
import { formatFullDate } from '../../lib/formatDate';
import { formattingLocale, pickUiLanguage } from '../../lib/locale';
import { useAccountsStore } from '../accounts/accountsStore';
import { useMailboxStore } from '../folders/mailboxStore';
import { useSettingsStore } from '../settings/settingsStore';
import { formatRecipient } from './addresses';
import { useComposerStore } from './composerStore';
import { addressedIdentity, identityOf, ownAddresses, senderForResponse, signatureText } from '../../../shared/identities';
import { cidImagesToData } from './inlineImages';
import { forwardSubject, quoteForForward, quoteForReply, replyRecipients, replySubject, textToHtml, type ResponseKind } from './replyDraft';
import { sanitizeComposerHtml } from './sanitizeComposerHtml';

/** A unique draft id; `crypto.randomUUID` exists only in secure contexts, which a file or custom scheme may not be. */
export function newDraftId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

/** The block the signature of a sender lives in; marked so that choosing another sender swaps it. */
export function signatureBlock(accountId: string, address?: string): string {
  const account = useAccountsStore.getState().accounts.find((candidate) => candidate.id === accountId);
  const { signatures } = useSettingsStore.getState().settings;
  const signature = account ? signatureText(identityOf(account, address), accountId, signatures) : (signatures[accountId]?.trim() ?? '');
  return signature ? `<div data-signature="">-- <br>${textToHtml(signature)}</div>` : '';
}

function emptyDraft(accountId: string, from?: Address): Draft {
  return { draftId: newDraftId(), accountId, revision: 0, ...(from ? { from } : {}), to: [], cc: [], bcc: [], subject: '', html: '', attachments: [] };
}

/** The account of the folder on screen, else the first one. */
function currentAccountId(): string | null {
  const { accounts } = useAccountsStore.getState();
  const { selected, folders } = useMailboxStore.getState();
  const folder = selected.kind === 'folder' ? folders.find((candidate) => candidate.id === selected.folderId) : undefined;
  return folder?.accountId ?? accounts[0]?.id ?? null;
}

export function openNewMessage(to: Address[] = []): void {
  const accountId = currentAccountId();
  if (accountId === null) return;
  const draft = { ...emptyDraft(accountId), to, html: `<p><br></p>${signatureBlock(accountId)}` };
  useComposerStore.getState().open(draft, 'new');
}

function originalBody(message: MessageDetail): string {
  if (message.html) return sanitizeComposerHtml(message.html);
  return textToHtml(message.text ?? '');
}

const t = (key: string, options?: Record<string, unknown>): string => i18next.t(key, options ?? {});

/**
 * The delivery headers, asked of the server only when they can change the choice: To and Cc name none of the
 * user's addresses and some account has aliases. Offline, the account's own address will do.
 */
async function deliveredToIfNeeded(message: MessageDetail, accounts: readonly Account[]): Promise<string[]> {
  if (addressedIdentity(message, accounts) || !accounts.some((account) => account.identities.length > 1)) return [];
  return api.compose.deliveredTo(message.id).catch(() => []);
}

export async function openResponse(message: MessageDetail, kind: ResponseKind): Promise<void> {
  const { accounts } = useAccountsStore.getState();
  const own = ownAddresses(accounts);
  const identity = senderForResponse(message, accounts, await deliveredToIfNeeded(message, accounts));
  const accountId = identity?.accountId ?? message.accountId;
  const locale = formattingLocale(pickUiLanguage(null, [i18next.language]), navigator.language);
  const date = formatFullDate(message.date, locale);
  const sender = message.from ? formatRecipient(message.from) : t('list.noSender');
  const draft = emptyDraft(accountId, identity ? { name: identity.identity.name, address: identity.identity.address } : undefined);
  const signature = signatureBlock(accountId, identity?.identity.address);
  if (kind === 'forwardAsAttachment') {
    draft.subject = forwardSubject(message.subject);
    draft.html = signature;
    draft.replyTo = { messageId: message.id, kind: 'forward' };
  } else if (kind === 'forward') {
    const rows: Array<[string, string]> = [
      [t('reader.from'), sender],
      [t('reader.date'), date],
      [t('composer.subject'), message.subject],
      [t('reader.to'), message.to.map(formatRecipient).join(', ')],
      [t('reader.cc'), message.cc.map(formatRecipient).join(', ')],
    ];
    draft.subject = forwardSubject(message.subject);
    draft.html = `${signature}${quoteForForward({ title: t('composer.forwardedMessage'), rows }, originalBody(message))}`;
    draft.replyTo = { messageId: message.id, kind: 'forward' };
  } else {
    const { to, cc } = replyRecipients(message, own, kind === 'replyAll');
    draft.to = to.map(({ name, address }) => ({ name, address }));
    draft.cc = cc.map(({ name, address }) => ({ name, address }));
    draft.subject = replySubject(message.subject);
    draft.html = `${signature}${quoteForReply(t('composer.quoteAttribution', { date, sender }), originalBody(message))}`;
    draft.replyTo = { messageId: message.id, kind: 'reply' };
  }
  // The user writes above the quote: the editor starts with an empty first paragraph.
  draft.html = `<p><br></p>${draft.html}`;
  if (kind === 'forward') useComposerStore.getState().open(draft, 'forward', message.attachments.map(({ id, filename }) => ({ attachmentId: id, filename })));
  else if (kind === 'forwardAsAttachment') useComposerStore.getState().open(draft, 'forward', [{ messageId: message.id, filename: message.subject || t('list.noSubject') }]);
  else useComposerStore.getState().open(draft, 'reply');
}

/** Opens a stored draft (or one a cancelled send gave back) where the user left it. */
export function openStoredDraft(draft: Draft): void {
  const inline = draft.attachments.filter((attachment) => attachment.contentId);
  const html = cidImagesToData(draft.html, inline);
  useComposerStore.getState().open({ ...draft, html, attachments: draft.attachments.filter((attachment) => !attachment.contentId) }, 'draft');
}

export async function openDraftById(draftId: string): Promise<void> {
  openStoredDraft(await api.compose.getDraft(draftId));
}
