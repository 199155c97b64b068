import { describe, expect, it } from 'vitest';
import type { Folder, FolderRole } from '../../../shared/types';
import { folderRows } from './folderTree';

let nextId = 1;
function folder(path: string, role: FolderRole | null = null): Folder {
  const segments = path.split('/');
  return {
    id: nextId++,
    accountId: 'a1',
    path,
    name: segments[segments.length - 1] ?? path,
    delimiter: '/',
    parentPath: segments.length > 1 ? segments.slice(0, -1).join('/') : null,
    role,
    totalCount: 0,
    unreadCount: 0,
    lastSyncedAt: null,
  };
}

const rowsOf = (folders: Folder[]) => folderRows(folders, 'en').map((row) => `${'  '.repeat(row.depth)}${row.folder.path}`);

describe('folderRows', () => {
  it('lists special folders first in the usual order, then the others alphabetically', () => {
    const folders = [
      folder('Zeta'),
      folder('Trash', 'trash'),
      folder('alpha'),
      folder('Sent', 'sent'),
      folder('INBOX', 'inbox'),
      folder('Drafts', 'drafts'),
      folder('Junk', 'junk'),
      folder('Archive', 'archive'),
    ];
    expect(rowsOf(folders)).toEqual(['INBOX', 'Drafts', 'Sent', 'Archive', 'Junk', 'Trash', 'alpha', 'Zeta']);
  });

  it('nests subfolders under their parent, ordered among themselves', () => {
    const folders = [
      folder('Clients/Rossi'),
      folder('INBOX/Orders'),
      folder('Clients'),
      folder('INBOX', 'inbox'),
      folder('Clients/Bianchi'),
      folder('Clients/Bianchi/2026'),
    ];
    expect(rowsOf(folders)).toEqual([
      'INBOX',
      '  INBOX/Orders',
      'Clients',
      '  Clients/Bianchi',
      '    Clients/Bianchi/2026',
      '  Clients/Rossi',
    ]);
  });

  it('keeps a folder whose parent is not listed at the top level', () => {
    expect(rowsOf([folder('Projects/2026'), folder('INBOX', 'inbox')])).toEqual(['INBOX', 'Projects/2026']);
  });

  it('sorts numbers in names by value', () => {
    expect(rowsOf([folder('Q10'), folder('Q2')])).toEqual(['Q2', 'Q10']);
  });
});
