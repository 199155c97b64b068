import { describe, expect, it } from 'vitest';
import { linkTarget } from './linkTarget';

describe('link targets', () => {
  it('keeps http, https and mailto links as typed', () => {
    expect(linkTarget(' https://example.com/a?b=1 ')).toBe('https://example.com/a?b=1');
    expect(linkTarget('mailto:anna@example.com')).toBe('mailto:anna@example.com');
  });

  it('completes a bare host to https and a bare address to mailto', () => {
    expect(linkTarget('example.com/listino')).toBe('https://example.com/listino');
    expect(linkTarget('anna@example.com')).toBe('mailto:anna@example.com');
  });

  it('refuses script, file and other schemes, and text that is not a link', () => {
    expect(linkTarget('javascript:alert(1)')).toBeNull();
    expect(linkTarget('file:///etc/passwd')).toBeNull();
    expect(linkTarget('not a link')).toBeNull();
    expect(linkTarget('')).toBeNull();
  });
});
