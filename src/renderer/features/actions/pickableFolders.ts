import type { Folder } from '../../../shared/types';
import { folderRows } from '../folders/folderTree';

export interface PickableFolder {
  folder: Folder;
  label: string;
  depth: number;
}

/** Lower case without accents: "perche" finds "Perché", "CLIENTI" finds "Clienti". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The folders "Move to" offers, in the tree's order: those of the messages' account (a move never crosses
 * accounts), without the listed folder itself (every Inbox, for the unified list) or the virtual ones a server fills on its own (All mail, Flagged),
 * narrowed to those whose name or path contains every word typed.
 */
export function pickableFolders(
  folders: readonly Folder[],
  options: { accountId: string; excludeFolderIds: ReadonlySet<number>; text: string; locale: string; labelOf(folder: Folder): string },
): PickableFolder[] {
  const words = fold(options.text).split(/\s+/).filter((word) => word !== '');
  const ofAccount = folders.filter((folder) => folder.accountId === options.accountId);
  return folderRows(ofAccount, options.locale)
    .filter(({ folder }) => !options.excludeFolderIds.has(folder.id) && folder.role !== 'all' && folder.role !== 'flagged')
    .map(({ folder, depth }) => ({ folder, depth, label: options.labelOf(folder) }))
    .filter(({ folder, label }) => {
      const haystack = fold(`${label} ${folder.path}`);
      return words.every((word) => haystack.includes(word));
    })
    .map((entry) => (words.length > 0 ? { ...entry, depth: 0 } : entry));
}
