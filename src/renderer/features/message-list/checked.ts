/**
 * Which rows of the list are ticked. Either some rows, by id (with each one's account, which "Move to" needs), or
 * the whole list minus the rows unticked since: "select all" must reach rows never loaded, so it is a rule, not
 * a list of ids, until an action resolves it through the core (features/actions/resolveTargets.ts). The rule
 * stops at the newest row the user saw (`until`, its date): mail arriving after "select all" is not ticked, so
 * "delete all" never takes a message nobody has seen.
 */
export type Checked =
  | { kind: 'some'; rows: ReadonlyMap<number, string> }
  | { kind: 'all'; except: ReadonlySet<number>; until: number | null };

/** A row as the ticking logic needs it: its id, its account and its date. */
export interface CheckableRow {
  id: number;
  accountId: string;
  date: number;
}

export const NONE_CHECKED: Checked = { kind: 'some', rows: new Map() };

/** "Select all": every row up to the newest one now listed (`newestDate`, null when not known). */
export function allChecked(newestDate: number | null): Checked {
  return { kind: 'all', except: new Set(), until: newestDate };
}

export function isChecked(checked: Checked, row: { id: number; date: number }): boolean {
  if (checked.kind === 'some') return checked.rows.has(row.id);
  return !checked.except.has(row.id) && (checked.until === null || row.date <= checked.until);
}

/**
 * How many rows "select all" can cover: the list's total less the rows that arrived after it (the newest first,
 * so they are the top rows, loaded).
 */
export function tickableTotal(checked: Checked, total: number, rowAt: (index: number) => { date: number } | undefined): number {
  if (checked.kind === 'some' || checked.until === null) return total;
  let newer = 0;
  for (let row = rowAt(0); row !== undefined && row.date > checked.until && newer < total; row = rowAt(newer)) newer += 1;
  return total - newer;
}

/** How many rows are ticked, given how many "select all" can cover (tickableTotal). */
export function checkedCount(checked: Checked, tickable: number): number {
  return checked.kind === 'all' ? Math.max(0, tickable - checked.except.size) : checked.rows.size;
}

export function anyChecked(checked: Checked, tickable: number): boolean {
  return checkedCount(checked, tickable) > 0;
}

/** Ticks or unticks rows (one, or a shift-click range), whichever kind of selection is current. */
export function setChecked(checked: Checked, rows: readonly CheckableRow[], on: boolean): Checked {
  if (checked.kind === 'all') {
    const except = new Set(checked.except);
    for (const row of rows) {
      if (on) except.delete(row.id);
      else except.add(row.id);
    }
    // Ticking a row that arrived after "select all" stretches the rule up to it (the rows between are on screen).
    const until = on && checked.until !== null ? Math.max(checked.until, ...rows.map((row) => row.date)) : checked.until;
    return { kind: 'all', except, until };
  }
  const next = new Map(checked.rows);
  for (const row of rows) {
    if (on) next.set(row.id, row.accountId);
    else next.delete(row.id);
  }
  return { kind: 'some', rows: next };
}

export function toggleChecked(checked: Checked, row: CheckableRow): Checked {
  return setChecked(checked, [row], !isChecked(checked, row));
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
