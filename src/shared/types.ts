/** Domain types shared by the core, the bridges and the renderer. Plain data only: they cross JSON and contextBridge. */
import { DEFAULT_SYNC_INTERVALS, type SyncIntervals } from './schedule';

export type Security = 'tls' | 'starttls' | 'none';

export interface ServerSettings {
  host: string;
  port: number;
  security: Security;
}

/** What the user types (or discovery proposes) to add an account. */
export interface AccountInput {
  address: string;
  displayName: string;
  username: string;
  password: string;
  imap: ServerSettings;
  smtp: ServerSettings;
  /** SHA-256 fingerprint ("AB:CD:…") of a self-signed certificate the user chose to trust for this account only. */
  pinnedCertSha256?: string | null;
}

/** A From address of an account: its own address, or an alias the same server lets it send as. */
export interface Identity {
  address: string;
  name: string;
  /** Plain text (line breaks kept); empty falls back to the account's signature setting. */
  signature: string;
}

/** A stored account. The password never leaves the core. */
export interface Account {
  id: string;
  address: string;
  displayName: string;
  username: string;
  imap: ServerSettings;
  smtp: ServerSettings;
  pinnedCertSha256: string | null;
  createdAt: number;
  /** Every From address: the account's own first (its name the display name, its signature empty), then aliases. */
  identities: Identity[];
  /** The SMTP server's message size limit in bytes (SIZE, RFC 1870); null until read or when it announces none. */
  smtpMaxSize: number | null;
}

/**
 * Editable fields of an account; a password given here replaces the stored one after a successful login test.
 * `aliases` replaces the identities after the account's own address.
 */
export type AccountPatch = Partial<Omit<AccountInput, 'address'>> & { aliases?: Identity[] };

/** Where discovery found the settings it proposes. */
export type DiscoverySource = 'preset' | 'srv' | 'guess';

export interface DiscoveredSettings {
  source: DiscoverySource;
  /** Provider name for presets ("Gmail"), the SRV target or the guessed host otherwise. */
  label: string;
  imap: ServerSettings;
  smtp: ServerSettings;
  /** The user name the provider expects, usually the full address. */
  username: string;
}

export type FolderRole = 'inbox' | 'sent' | 'drafts' | 'trash' | 'junk' | 'archive' | 'all' | 'flagged';

export interface Folder {
  id: number;
  accountId: string;
  /** Full IMAP path, e.g. "INBOX/Clienti". */
  path: string;
  /** Last path segment, decoded for display. */
  name: string;
  delimiter: string;
  parentPath: string | null;
  role: FolderRole | null;
  totalCount: number;
  unreadCount: number;
  /** Epoch ms of the last complete sync of this folder, null before the first. */
  lastSyncedAt: number | null;
}

export interface Address {
  name: string;
  address: string;
}

/** One row of the message list. */
export interface MessageSummary {
  id: number;
  accountId: string;
  folderId: number;
  uid: number;
  messageIdHeader: string | null;
  threadId: number;
  subject: string;
  from: Address | null;
  to: Address[];
  cc: Address[];
  /** Epoch ms: the Date header, else the internal date. */
  date: number;
  size: number;
  flags: string[];
  seen: boolean;
  flagged: boolean;
  answered: boolean;
  hasAttachments: boolean;
  snippet: string;
  /** Messages in this thread within the listed folder (1 when threads are off or the message is alone). */
  threadCount: number;
}

export interface AttachmentMeta {
  id: number;
  messageId: number;
  filename: string;
  contentType: string;
  size: number;
  /** IMAP body part ("2", "1.2"): lets the core fetch one attachment on demand. */
  part: string;
  cached: boolean;
}

/** A message opened in the reader. */
export interface MessageDetail extends MessageSummary {
  bcc: Address[];
  replyTo: Address[];
  /** Plain text body (from the text part, else derived from HTML). Null while the body is not cached. */
  text: string | null;
  /** Sanitised HTML (scripts, handlers, forms removed; remote URLs kept but blocked at display). Null if none. */
  html: string | null;
  /** True when the HTML references remote images, styles or other remote content. */
  hasRemoteContent: boolean;
  /** True when the user allowed remote content for this sender. */
  remoteContentAllowed: boolean;
  attachments: AttachmentMeta[];
  /** False when the body is not in the cache and the server could not be reached. */
  bodyAvailable: boolean;
}

export interface MessageQuery {
  /** One folder, or omit with `unifiedInbox: true` for every account's Inbox. */
  folderId?: number;
  unifiedInbox?: boolean;
  /** Rows to skip (the virtual list asks for windows). */
  offset: number;
  limit: number;
  threaded?: boolean;
  filter?: MessageFilter;
}

export interface MessageFilter {
  unread?: boolean;
  flagged?: boolean;
  hasAttachments?: boolean;
  /** Epoch ms bounds on the message date. */
  since?: number;
  until?: number;
  /** Full-text search over subject, addresses and cached bodies. */
  text?: string;
}

export interface MessagePage {
  total: number;
  offset: number;
  rows: MessageSummary[];
}

export type AccountSyncState = 'idle' | 'syncing' | 'offline' | 'needs-password' | 'error';

export interface AccountStatus {
  accountId: string;
  state: AccountSyncState;
  /** While syncing: the folder being synced and progress through it. */
  folderPath: string | null;
  done: number;
  total: number;
  /** Epoch ms of the last complete sync of the account. */
  lastSyncedAt: number | null;
  /** Epoch ms since when the server has been unreachable. */
  offlineSince: number | null;
  error: { code: string; message: string } | null;
}

export interface Settings {
  /** Maximum number of mailboxes (accounts); the product's default is 10. */
  mailboxLimit: number;
  /** Bodies of messages newer than this many days are fetched for offline reading. */
  offlineBodyDays: number;
  /** "Assign e-mails of known clients to their responsible employees": drives the background cadence. */
  assignKnownClients: boolean;
  /** UI language; null follows the OS. */
  language: 'en' | 'it' | null;
  /** Show conversations grouped as threads in the list. */
  threaded: boolean;
  /** Senders whose remote content is always shown. */
  remoteContentSenders: string[];
  /** "Instant new mail": hold an IMAP IDLE connection on each Inbox while the app runs. */
  instantNewMail: boolean;
  /** Sync cadences (active, background with the option on / off, idle threshold, open floor). */
  syncIntervals: SyncIntervals;
  /** New-mail notifications are paused until this epoch ms (tray: pause 1 hour / until tomorrow). */
  notificationsPausedUntil: number | null;
  /** The signature the composer puts below a new message, per account id, as plain text (line breaks kept). */
  signatures: Record<string, string>;
  /** How long a sent message can still be taken back ("Undo send"), in seconds, 0 to 30. */
  undoSendSeconds: number;
}

export const DEFAULT_SETTINGS: Settings = {
  mailboxLimit: 10,
  offlineBodyDays: 90,
  assignKnownClients: false,
  language: null,
  threaded: true,
  remoteContentSenders: [],
  instantNewMail: false,
  syncIntervals: DEFAULT_SYNC_INTERVALS,
  notificationsPausedUntil: null,
  signatures: {},
  undoSendSeconds: 5,
};

/** One record per write transaction of the store: the UI refetches what it shows. */
export interface ChangeRecord {
  entity: 'account' | 'folder' | 'message' | 'settings' | 'outbox' | 'draft';
  kind: 'insert' | 'update' | 'delete';
  ids: Array<string | number>;
}
