import type { Folder, FolderRole } from '../../../shared/types';

/** The order special folders take at the top of an account, as most mail clients show them. */
const ROLE_ORDER: readonly FolderRole[] = ['inbox', 'flagged', 'drafts', 'sent', 'archive', 'all', 'junk', 'trash'];

export interface FolderRow {
  folder: Folder;
  /** Nesting level below the account, 0 for top-level folders. */
  depth: number;
}

/**
 * One account's folders as the left pane lists them: special folders first in a fixed order, then the rest
 * alphabetically, each followed by its subfolders (nested by `parentPath`). A folder whose parent is unknown
 * (not subscribed, not listed) is shown at the top level rather than lost.
 */
export function folderRows(folders: readonly Folder[], locale: string): FolderRow[] {
  const knownPaths = new Set(folders.map((folder) => folder.path));
  const childrenByParent = new Map<string | null, Folder[]>();
  for (const folder of folders) {
    const parent = folder.parentPath !== null && knownPaths.has(folder.parentPath) ? folder.parentPath : null;
    const siblings = childrenByParent.get(parent) ?? [];
    siblings.push(folder);
    childrenByParent.set(parent, siblings);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const compare = (a: Folder, b: Folder): number => rolePosition(a) - rolePosition(b) || collator.compare(a.name, b.name);

  const rows: FolderRow[] = [];
  const visit = (parent: string | null, depth: number): void => {
    for (const folder of [...(childrenByParent.get(parent) ?? [])].sort(compare)) {
      rows.push({ folder, depth });
      visit(folder.path, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

function rolePosition(folder: Folder): number {
  const position = folder.role ? ROLE_ORDER.indexOf(folder.role) : -1;
  return position === -1 ? ROLE_ORDER.length : position;
}
