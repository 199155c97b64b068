import { describe, expect, it } from 'vitest';
import { createToken, isAllowedHost, isAuthorised, isOwnOrigin, readCookie, sessionCookie, tokenMatches } from './access';

describe('web-mode access checks', () => {
  it('makes a different 32-byte base64url token each time', () => {
    const token = createToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createToken()).not.toBe(token);
  });

  it('matches a token only exactly', () => {
    const token = createToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token.slice(0, -1), token)).toBe(false);
    expect(tokenMatches(`${token}x`, token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
    expect(tokenMatches(null, token)).toBe(false);
  });

  it('reads its cookie among others and ignores look-alike names', () => {
    expect(readCookie('a=1; postino_4870=secret; b=2', 'postino_4870')).toBe('secret');
    expect(readCookie('xpostino_4870=evil', 'postino_4870')).toBeNull();
    expect(readCookie(undefined, 'postino_4870')).toBeNull();
    expect(sessionCookie(4870, 'tok')).toBe('postino_4870=tok; Path=/; HttpOnly; SameSite=Strict');
  });

  it('accepts the cookie of its own port only', () => {
    const token = createToken();
    expect(isAuthorised({ cookieHeader: `postino_4870=${token}`, queryToken: null }, 4870, token)).toBe(true);
    expect(isAuthorised({ cookieHeader: `postino_4871=${token}`, queryToken: null }, 4870, token)).toBe(false);
    expect(isAuthorised({ cookieHeader: undefined, queryToken: token }, 4870, token)).toBe(true);
  });

  it('allows 127.0.0.1 and localhost on its port as Host, nothing else', () => {
    expect(isAllowedHost('127.0.0.1:4870', 4870)).toBe(true);
    expect(isAllowedHost('localhost:4870', 4870)).toBe(true);
    for (const host of ['127.0.0.1', 'localhost:4871', 'rebind.attacker.example:4870', '127.0.0.1:4870.attacker.example', undefined]) {
      expect(isAllowedHost(host, 4870), String(host)).toBe(false);
    }
  });

  it('takes an Origin as its own only when it is the page origin under the same Host', () => {
    expect(isOwnOrigin('http://127.0.0.1:4870', '127.0.0.1:4870', 4870)).toBe(true);
    expect(isOwnOrigin('http://localhost:4870', '127.0.0.1:4870', 4870)).toBe(false);
    expect(isOwnOrigin('https://127.0.0.1:4870', '127.0.0.1:4870', 4870)).toBe(false);
    expect(isOwnOrigin('null', '127.0.0.1:4870', 4870)).toBe(false);
    expect(isOwnOrigin(undefined, '127.0.0.1:4870', 4870)).toBe(false);
  });
});
