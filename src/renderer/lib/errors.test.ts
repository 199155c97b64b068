import { describe, expect, it } from 'vitest';
import { PostinoError } from '../../shared/errors';
import { errorData, errorKey } from './errors';

describe('errorKey', () => {
  it('maps a Postino error to the key of its code', () => {
    expect(errorKey(new PostinoError('auth-failed', 'LOGIN failed'))).toBe('errors.auth-failed');
  });

  it('treats anything without a known code as an internal error, whatever its message says', () => {
    expect(errorKey(new Error('auth-failed'))).toBe('errors.internal');
    expect(errorKey({ code: 'ECONNREFUSED' })).toBe('errors.internal');
    expect(errorKey('boom')).toBe('errors.internal');
  });
});

describe('errorData', () => {
  it('keeps the structured details that came across the bridge', () => {
    const err = new PostinoError('tls-untrusted', 'self-signed', { fingerprintSha256: 'AB:CD' });
    expect(errorData(err)).toEqual({ code: 'tls-untrusted', details: { fingerprintSha256: 'AB:CD' } });
  });
});
