import type { ImapFlow, ListResponse } from 'imapflow';
import type { FolderRole } from '../../../shared/types';
import type { RemoteFolder } from '../../sync/sink';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { roleFromName, roleFromSpecialUse } from '../folderRoles';

/**
 * LIST (with RFC 6154 SPECIAL-USE where offered). A role comes from the server's attribute first; folders the server
 * marks nothing on get one from their name, but never a role another folder already holds.
 */
export async function listFolders(client: ImapFlow, args: { timeoutMs?: number } = {}): Promise<RemoteFolder[]> {
  const listed = await withDeadline(client, 'LIST', args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, () =>
    client.list({ listOnly: true }),
  );
  const roles = new Map<string, FolderRole>();
  for (const entry of listed) {
    const role = serverRole(entry);
    if (role && ![...roles.values()].includes(role)) roles.set(entry.path, role);
  }
  const taken = new Set(roles.values());
  for (const entry of listed) {
    if (roles.has(entry.path)) continue;
    const role = roleFromName(entry.path, entry.delimiter);
    if (role && !taken.has(role)) {
      roles.set(entry.path, role);
      taken.add(role);
    }
  }
  return listed.map((entry) => ({
    path: entry.path,
    name: entry.name,
    delimiter: entry.delimiter,
    parentPath: entry.parentPath || null,
    role: roles.get(entry.path) ?? null,
    selectable: !hasFlag(entry, '\\noselect') && !hasFlag(entry, '\\nonexistent'),
  }));
}

/** imapflow also guesses roles from English names; only what the server itself said counts here. */
function serverRole(entry: ListResponse): FolderRole | null {
  if (entry.path.toUpperCase() === 'INBOX') return 'inbox';
  return entry.specialUseSource === 'extension' ? roleFromSpecialUse(entry.specialUse) : null;
}

function hasFlag(entry: ListResponse, flag: string): boolean {
  for (const value of entry.flags) if (value.toLowerCase() === flag) return true;
  return false;
}
