/**
 * Which rows of the list are ticked. Either some rows, by id (with each one's account, which "Move to" needs), or
 * the whole list minus the rows unticked since: "select all" must reach rows never loaded, so it is a rule, not
 * a list of ids, until an action resolves it through the core (features/actions/resolveTargets.ts).
 */
export type Checked =
  | { kind: 'some'; rows: ReadonlyMap<number, string> }
  | { kind: 'all'; except: ReadonlySet<number> };

/** A row as the ticking logic needs it: its id and its account. */
export interface CheckableRow {
  id: number;
  accountId: string;
}

export const NONE_CHECKED: Checked = { kind: 'some', rows: new Map() };

export function isChecked(checked: Checked, messageId: number): boolean {
  return checked.kind === 'all' ? !checked.except.has(messageId) : checked.rows.has(messageId);
}

/** How many rows are ticked, given how many the list has. */
export function checkedCount(checked: Checked, total: number): number {
  return checked.kind === 'all' ? Math.max(0, total - checked.except.size) : checked.rows.size;
}

export function anyChecked(checked: Checked, total: number): boolean {
  return checkedCount(checked, total) > 0;
}

/** Ticks or unticks rows (one, or a shift-click range), whichever kind of selection is current. */
export function setChecked(checked: Checked, rows: readonly CheckableRow[], on: boolean): Checked {
  if (checked.kind === 'all') {
    const except = new Set(checked.except);
    for (const row of rows) {
      if (on) except.delete(row.id);
      else except.add(row.id);
    }
    return { kind: 'all', except };
  }
  const next = new Map(checked.rows);
  for (const row of rows) {
    if (on) next.set(row.id, row.accountId);
    else next.delete(row.id);
  }
  return { kind: 'some', rows: next };
}

export function toggleChecked(checked: Checked, row: CheckableRow): Checked {
  return setChecked(checked, [row], !isChecked(checked, row.id));
}

/** The indexes a shift-click covers, from the last row clicked (the anchor) to this one, either way. */
export function rangeBetween(anchor: number | null, index: number): { first: number; last: number } {
  if (anchor === null) return { first: index, last: index };
  return { first: Math.min(anchor, index), last: Math.max(anchor, index) };
}

/**
 * The rows of indexes `first`..`last`: the loaded ones from `rowAt`, the others fetched in as few windows as
 * possible (a range may span rows scrolled past without loading, or dropped since).
 */
export async function rowsInRange<R extends CheckableRow>(
  first: number,
  last: number,
  rowAt: (index: number) => R | undefined,
  fetchWindow: (offset: number, limit: number) => Promise<readonly R[]>,
  maxWindow: number,
): Promise<R[]> {
  const rows: R[] = [];
  const gaps: Array<{ offset: number; limit: number }> = [];
  for (let index = first; index <= last; index += 1) {
    const row = rowAt(index);
    if (row) {
      rows.push(row);
      continue;
    }
    const gap = gaps[gaps.length - 1];
    if (gap && gap.offset + gap.limit === index && gap.limit < maxWindow) gap.limit += 1;
    else gaps.push({ offset: index, limit: 1 });
  }
  const fetched = await Promise.all(gaps.map((gap) => fetchWindow(gap.offset, gap.limit)));
  return [...rows, ...fetched.flat()];
}
