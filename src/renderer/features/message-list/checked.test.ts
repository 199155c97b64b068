import { describe, expect, it } from 'vitest';
import {
  allChecked,
  checkedCount,
  isChecked,
  NONE_CHECKED,
  rangeBetween,
  rowsInRange,
  setChecked,
  tickableTotal,
  toggleChecked,
  type CheckableRow,
} from './checked';

const row = (id: number, accountId = 'a', date = 1000): CheckableRow => ({ id, accountId, date });

describe('ticking rows', () => {
  it('ticks and unticks single rows and counts them', () => {
    let checked = toggleChecked(NONE_CHECKED, row(1));
    checked = toggleChecked(checked, row(2));
    checked = toggleChecked(checked, row(1));
    expect(isChecked(checked, row(1))).toBe(false);
    expect(isChecked(checked, row(2))).toBe(true);
    expect(checkedCount(checked, 500)).toBe(1);
  });

  it('keeps "all of the folder" as a rule and counts the rows unticked since as exceptions', () => {
    let checked = setChecked(allChecked(null), [row(7)], false);
    expect(isChecked(checked, row(7))).toBe(false);
    expect(isChecked(checked, row(123_456))).toBe(true);
    expect(checkedCount(checked, 10_000)).toBe(9_999);
    checked = toggleChecked(checked, row(7));
    expect(checkedCount(checked, 10_000)).toBe(10_000);
  });

  it('leaves mail that arrived after "select all" unticked, and out of the count', () => {
    const checked = allChecked(1000);
    const list = [row(9, 'a', 3000), row(8, 'a', 2000), row(1, 'a', 1000), row(2, 'a', 500)];
    expect(list.map((r) => isChecked(checked, r))).toEqual([false, false, true, true]);
    const tickable = tickableTotal(checked, 10_002, (index) => list[index]);
    expect(tickable).toBe(10_000);
    expect(checkedCount(checked, tickable)).toBe(10_000);
  });

  it('stretches "select all" up to a newer row the user ticks by hand', () => {
    const checked = toggleChecked(allChecked(1000), row(8, 'a', 2000));
    expect(isChecked(checked, row(8, 'a', 2000))).toBe(true);
    expect(isChecked(checked, row(9, 'a', 3000))).toBe(false);
  });

  it('remembers the account of each ticked row, for moving', () => {
    const checked = setChecked(NONE_CHECKED, [row(1, 'anna'), row(2, 'bruno')], true);
    expect(checked.kind === 'some' && [...checked.rows.values()]).toEqual(['anna', 'bruno']);
  });
});

describe('shift-click ranges', () => {
  it('run from the anchor to the clicked row in either direction, or are the row alone without an anchor', () => {
    expect(rangeBetween(3, 8)).toEqual({ first: 3, last: 8 });
    expect(rangeBetween(8, 3)).toEqual({ first: 3, last: 8 });
    expect(rangeBetween(null, 5)).toEqual({ first: 5, last: 5 });
  });

  it('take loaded rows as they are and fetch only the gaps, in windows no larger than allowed', async () => {
    const loaded = new Set([0, 1, 2, 9, 10]);
    const windows: Array<[number, number]> = [];
    const rows = await rowsInRange(
      0,
      10,
      (index) => (loaded.has(index) ? row(index) : undefined),
      async (offset, limit) => {
        windows.push([offset, limit]);
        return Array.from({ length: limit }, (_, i) => row(offset + i));
      },
      4,
    );
    expect(windows).toEqual([
      [3, 4],
      [7, 2],
    ]);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
