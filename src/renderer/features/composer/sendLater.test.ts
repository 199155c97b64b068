import { describe, expect, it } from 'vitest';
import { defaultSendLater, fromLocalInputValue, toLocalInputValue } from './sendLater';

describe('send later times', () => {
  it('proposes tomorrow at 8:00 local time, across the end of a month', () => {
    const proposed = new Date(defaultSendLater(new Date(2026, 0, 31, 17, 45).getTime()));
    expect([proposed.getFullYear(), proposed.getMonth(), proposed.getDate(), proposed.getHours(), proposed.getMinutes()]).toEqual([2026, 1, 1, 8, 0]);
  });

  it('reads back the local time it wrote into the input', () => {
    const time = new Date(2026, 10, 27, 9, 5).getTime();
    expect(toLocalInputValue(time)).toBe('2026-11-27T09:05');
    expect(fromLocalInputValue(toLocalInputValue(time))).toBe(time);
  });

  it('reads an empty or malformed value as no time at all', () => {
    expect(fromLocalInputValue('')).toBeNull();
    expect(fromLocalInputValue('tomorrow')).toBeNull();
  });
});
