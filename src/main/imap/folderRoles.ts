/**
 * What a folder is for. RFC 6154 SPECIAL-USE attributes decide when the server sends them; many servers (older
 * Exchange, Courier, small hosting panels) send none, and then the folder's name in the user's language is all
 * there is to go on.
 */
import type { FolderRole } from '../../shared/types';

const SPECIAL_USE_ROLES: Readonly<Record<string, FolderRole>> = {
  '\\inbox': 'inbox',
  '\\sent': 'sent',
  '\\drafts': 'drafts',
  '\\trash': 'trash',
  '\\junk': 'junk',
  '\\archive': 'archive',
  '\\all': 'all',
  '\\flagged': 'flagged',
};

/** Names seen in the wild, lower-case, per role: English, Italian, German, French, Spanish, Portuguese, Dutch, Nordic, Polish. */
const NAMES_BY_ROLE: Readonly<Record<Exclude<FolderRole, 'inbox'>, readonly string[]>> = {
  sent: [
    'sent', 'sent items', 'sent messages', 'sent mail', 'sent-mail', 'outbox sent',
    'posta inviata', 'inviati', 'elementi inviati', 'messaggi inviati', 'inviata',
    'gesendet', 'gesendete elemente', 'gesendete objekte', 'gesendete nachrichten',
    'envoyés', 'envoyes', 'éléments envoyés', 'elements envoyes', 'messages envoyés',
    'enviados', 'elementos enviados', 'mensajes enviados', 'itens enviados',
    'verzonden', 'verzonden items', 'skickat', 'skickade objekt', 'sendt', 'sendte elementer', 'lähetetyt', 'wysłane',
  ],
  drafts: [
    'drafts', 'draft', 'bozze', 'bozza', 'entwürfe', 'entwurf', 'brouillons', 'brouillon', 'borradores', 'borrador',
    'rascunhos', 'concepten', 'utkast', 'kladder', 'luonnokset', 'szkice', 'wersje robocze',
  ],
  trash: [
    'trash', 'deleted items', 'deleted messages', 'deleted', 'bin', 'cestino', 'posta eliminata', 'elementi eliminati',
    'messaggi eliminati', 'papierkorb', 'gelöschte elemente', 'gelöschte objekte', 'corbeille', 'éléments supprimés',
    'elements supprimes', 'papelera', 'elementos eliminados', 'lixeira', 'lixo', 'itens excluídos', 'prullenbak',
    'verwijderde items', 'papperskorgen', 'borttagna objekt', 'papirkurv', 'slettede elementer', 'kosz',
  ],
  junk: [
    'junk', 'spam', 'junk e-mail', 'junk email', 'junk mail', 'bulk mail', 'posta indesiderata', 'indesiderata',
    'junk-e-mail', 'spamverdacht', 'courrier indésirable', 'courrier indesirable', 'pourriel', 'indésirables',
    'correo no deseado', 'no deseado', 'lixo eletrônico', 'ongewenste e-mail', 'skräppost', 'søppelpost', 'wiadomości-śmieci',
  ],
  archive: ['archive', 'archives', 'archivio', 'archiv', 'archivo', 'arquivo', 'archief', 'arkiv', 'archiwum'],
  // Gmail's "All Mail" holds every message once; it is RFC 6154's \All, not an archive the user files into.
  all: ['all mail', 'tutti i messaggi', 'alle nachrichten', 'tous les messages', 'todo el correo'],
  flagged: ['starred', 'flagged', 'speciali', 'markiert', 'suivis', 'destacados'],
};

const ROLE_BY_NAME: ReadonlyMap<string, FolderRole> = new Map(
  Object.entries(NAMES_BY_ROLE).flatMap(([role, names]) => names.map((name) => [name, role as FolderRole] as const)),
);

/** The role an RFC 6154 attribute (`\Sent`, `\Trash`…, plus imapflow's `\Inbox`) stands for, or null. */
export function roleFromSpecialUse(attribute: string | null | undefined): FolderRole | null {
  if (!attribute) return null;
  return SPECIAL_USE_ROLES[attribute.toLowerCase()] ?? null;
}

/**
 * The role a folder's name suggests, or null. Only top-level folders and children of INBOX or of a bracketed
 * provider root ("[Gmail]/Sent Mail") count: a user's "Clients/Sent" is the user's own folder, not the Sent folder.
 */
export function roleFromName(path: string, delimiter: string): FolderRole | null {
  if (path.toUpperCase() === 'INBOX') return 'inbox';
  const segments = delimiter ? path.split(delimiter) : [path];
  if (segments.length > 2) return null;
  if (segments.length === 2) {
    const parent = segments[0] ?? '';
    if (parent.toUpperCase() !== 'INBOX' && !/^\[.+\]$/.test(parent)) return null;
  }
  const name = normalizeName(segments[segments.length - 1] ?? '');
  return ROLE_BY_NAME.get(name) ?? null;
}

function normalizeName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}
