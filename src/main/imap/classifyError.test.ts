import { describe, expect, it } from 'vitest';
import { PostinoError } from '../../shared/errors';
import { PIN_MISMATCH_CODE } from '../net/tlsTrust';
import { classifyError } from './classifyError';

const imap = { protocol: 'IMAP', host: 'mail.example.org', port: 993 } as const;
const smtp = { protocol: 'SMTP', host: 'mail.example.org', port: 587 } as const;
const withCode = (code: string, extra: object = {}) => Object.assign(new Error(`failed: ${code}`), { code }, extra);

describe('classifyError', () => {
  it.each([
    ['ENOTFOUND', 'host-not-found'],
    ['EAI_AGAIN', 'host-not-found'],
    ['ECONNREFUSED', 'connection-refused'],
    ['ETIMEDOUT', 'timeout'],
    ['CONNECT_TIMEOUT', 'timeout'],
    ['GREETING_TIMEOUT', 'timeout'],
    ['UPGRADE_TIMEOUT', 'timeout'],
    ['ECONNRESET', 'server-dropped'],
    ['EPIPE', 'server-dropped'],
    ['NoConnection', 'server-dropped'],
    ['ENETUNREACH', 'offline'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls-failed'],
  ])('maps the Node/imapflow code %s to %s', (code, expected) => {
    expect(classifyError(withCode(code), imap).code).toBe(expected);
  });

  it.each(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', PIN_MISMATCH_CODE])(
    'reports the certificate error %s as tls-untrusted carrying the presented fingerprint',
    (code) => {
      const error = classifyError(withCode(code, { fingerprintSha256: 'AB:CD' }), imap);
      expect(error.code).toBe('tls-untrusted');
      expect(error.details).toEqual({ fingerprintSha256: 'AB:CD', reason: code });
    },
  );

  it('treats an imapflow authentication failure as auth-failed', () => {
    const err = Object.assign(new Error('Authentication failed'), { authenticationFailed: true });
    expect(classifyError(err, imap).code).toBe('auth-failed');
  });

  it('treats a NO [AUTHENTICATIONFAILED] response (RFC 5530) as auth-failed', () => {
    const err = Object.assign(new Error('Command failed'), { serverResponseCode: 'AUTHENTICATIONFAILED' });
    expect(classifyError(err, imap).code).toBe('auth-failed');
  });

  it('does not call a temporary SMTP authentication failure (454) a wrong password', () => {
    const err = Object.assign(new Error('Invalid login: 454 4.7.0 Temporary authentication failure'), {
      code: 'EAUTH',
      responseCode: 454,
    });
    expect(classifyError(err, smtp).code).toBe('smtp-failed');
  });

  it('treats an SMTP 535 reply as auth-failed', () => {
    const err = Object.assign(new Error('Invalid login: 535 5.7.8'), { code: 'EAUTH', responseCode: 535 });
    expect(classifyError(err, smtp).code).toBe('auth-failed');
  });

  it("reads Node's code from nodemailer's originalCode", () => {
    const err = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'EDNS', originalCode: 'ENOTFOUND' });
    expect(classifyError(err, smtp).code).toBe('host-not-found');
  });

  it('reports an unknown SMTP failure as smtp-failed and an unknown IMAP failure as internal', () => {
    expect(classifyError(withCode('EPROTOCOL'), smtp).code).toBe('smtp-failed');
    expect(classifyError(withCode('Whatever'), imap).code).toBe('internal');
  });

  it('names the host and port in plain English', () => {
    const error = classifyError(withCode('ECONNREFUSED'), imap);
    expect(error.message).toContain('IMAP server mail.example.org:993');
  });

  it('passes a PostinoError through unchanged', () => {
    const original = new PostinoError('not-imap4rev1', 'old server');
    expect(classifyError(original, imap)).toBe(original);
  });
});
