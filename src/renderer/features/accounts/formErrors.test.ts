import { describe, expect, it } from 'vitest';
import { PostinoError } from '../../../shared/errors';
import { placeAccountError } from './formErrors';

describe('placeAccountError', () => {
  it('puts a failed login next to the password', () => {
    expect(placeAccountError(new PostinoError('auth-failed', 'NO [AUTHENTICATIONFAILED]'))).toEqual({
      code: 'auth-failed',
      field: 'password',
      fingerprint: null,
    });
  });

  it('follows the field the core names, over the default for the code', () => {
    const err = new PostinoError('auth-failed', 'SMTP 535', { field: 'smtp.host' });
    expect(placeAccountError(err).field).toBe('smtp.host');
    expect(placeAccountError(new PostinoError('invalid-input', 'bad port', { field: 'imap.port' })).field).toBe('imap.port');
  });

  it('ignores a named field the form does not have', () => {
    const err = new PostinoError('invalid-input', 'x', { field: 'imap.cheese' });
    expect(placeAccountError(err).field).toBeNull();
  });

  it('carries the fingerprint of an untrusted certificate for the form to show', () => {
    const err = new PostinoError('tls-untrusted', 'self-signed', { fingerprintSha256: 'AB:CD:EF' });
    expect(placeAccountError(err)).toEqual({ code: 'tls-untrusted', field: null, fingerprint: 'AB:CD:EF' });
  });

  it('places server errors on the server fields and the limit on the whole form', () => {
    expect(placeAccountError(new PostinoError('host-not-found', 'ENOTFOUND')).field).toBe('imap.host');
    expect(placeAccountError(new PostinoError('smtp-failed', '554')).field).toBe('smtp.host');
    expect(placeAccountError(new PostinoError('limit-reached', '10')).field).toBeNull();
  });

  it('never reads the message text of an unknown error', () => {
    expect(placeAccountError(new Error('auth-failed'))).toEqual({ code: 'internal', field: null, fingerprint: null });
  });
});
