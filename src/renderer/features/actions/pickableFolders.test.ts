import { describe, expect, it } from 'vitest';
import type { Folder, FolderRole } from '../../../shared/types';
import { actionForDestination, availableActions, stateOf, UNKNOWN_STATE } from './actionKinds';
import { pickableFolders } from './pickableFolders';

let nextId = 1;
function folder(path: string, role: FolderRole | null = null, accountId = 'anna'): Folder {
  const parts = path.split('/');
  return {
    id: nextId++,
    accountId,
    path,
    name: parts[parts.length - 1] ?? path,
    delimiter: '/',
    parentPath: parts.length > 1 ? parts.slice(0, -1).join('/') : null,
    role,
    totalCount: 0,
    unreadCount: 0,
    lastSyncedAt: null,
  };
}

const inbox = folder('INBOX', 'inbox');
const folders = [inbox, folder('Trash', 'trash'), folder('All Mail', 'all'), folder('Clienti'), folder('Clienti/Perché'), folder('Work', null, 'bruno')];
const options = (text: string) => ({ accountId: 'anna', excludeFolderIds: new Set([inbox.id]), text, locale: 'en', labelOf: (f: Folder) => (f.role === 'trash' ? 'Cestino' : f.name) });

describe('the folders "Move to" offers', () => {
  it('are the account’s own, without the listed folder and the virtual ones, in tree order', () => {
    expect(pickableFolders(folders, options('')).map((entry) => [entry.label, entry.depth])).toEqual([
      ['Cestino', 0],
      ['Clienti', 0],
      ['Perché', 1],
    ]);
  });

  it('match every typed word in the label or the path, ignoring case and accents', () => {
    expect(pickableFolders(folders, options('clienti perche')).map((entry) => entry.label)).toEqual(['Perché']);
    expect(pickableFolders(folders, options('CEST')).map((entry) => entry.label)).toEqual(['Cestino']);
    expect(pickableFolders(folders, options('work'))).toEqual([]);
  });
});

describe('the actions offered', () => {
  it('offer "Not spam" only in Junk, "Delete forever" only in Trash, and no "Archive" in the Archive', () => {
    expect(availableActions('inbox', UNKNOWN_STATE)).toEqual(['markRead', 'markUnread', 'flag', 'unflag', 'move', 'archive', 'spam', 'delete']);
    expect(availableActions('junk', UNKNOWN_STATE)).toContain('notSpam');
    expect(availableActions('junk', UNKNOWN_STATE)).not.toContain('spam');
    expect(availableActions('trash', UNKNOWN_STATE)).toContain('deleteForever');
    expect(availableActions('trash', UNKNOWN_STATE)).not.toContain('delete');
    expect(availableActions('archive', UNKNOWN_STATE)).not.toContain('archive');
  });

  it('offer read or unread, flag or unflag, as the messages are', () => {
    const readFlagged = availableActions(null, stateOf([{ seen: true, flagged: true }]));
    expect(readFlagged).toContain('markUnread');
    expect(readFlagged).not.toContain('markRead');
    expect(readFlagged).toContain('unflag');
    expect(readFlagged).not.toContain('flag');
    const mixed = availableActions(null, stateOf([{ seen: true, flagged: false }, { seen: false, flagged: true }]));
    expect(mixed).toEqual(expect.arrayContaining(['markRead', 'markUnread', 'flag', 'unflag']));
  });
});

describe('moving to a special folder', () => {
  it('is that folder’s action, so the server’s spam filter learns from it', () => {
    expect(actionForDestination('junk', 'inbox')).toBe('spam');
    expect(actionForDestination('inbox', 'junk')).toBe('notSpam');
    expect(actionForDestination('inbox', 'archive')).toBe('move');
    expect(actionForDestination('trash', null)).toBe('delete');
    expect(actionForDestination('archive', 'inbox')).toBe('archive');
    expect(actionForDestination(null, 'inbox')).toBe('move');
  });
});
