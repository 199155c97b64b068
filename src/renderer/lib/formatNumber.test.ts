import { describe, expect, it } from 'vitest';
import { formatCount, formatSize } from './formatNumber';

describe('formatSize', () => {
  it('picks a unit that keeps the number short, with the locale decimal mark', () => {
    expect(formatSize(512, 'en')).toBe('512 byte');
    expect(formatSize(12_400, 'en')).toBe('12 kB');
    expect(formatSize(3_450_000, 'en')).toBe('3.5 MB');
    expect(formatSize(3_450_000, 'it')).toBe('3,5 MB');
  });
});

describe('formatCount', () => {
  it('groups thousands the way the locale does', () => {
    expect(formatCount(12000, 'en')).toBe('12,000');
    expect(formatCount(12000, 'it')).toBe('12.000');
  });
});
