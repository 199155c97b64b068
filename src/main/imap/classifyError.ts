/**
 * Turns whatever Node, imapflow or nodemailer threw into a PostinoError with a code the UI can put into words.
 * The codes are what matter: the user must learn the one thing to fix (the password, the host, the port, the
 * certificate), so the mapping reads the libraries' structured fields and never their message text.
 */
import { PostinoError, type ErrorCode } from '../../shared/errors';
import { PIN_MISMATCH_CODE } from '../net/tlsTrust';

export interface ErrorPlace {
  protocol: 'IMAP' | 'SMTP';
  host: string;
  port: number;
}

/** The fields of a library error this mapping looks at; all optional because anything can be thrown. */
interface LibraryError {
  message?: string;
  code?: string | number;
  /** nodemailer: replaces `code` with its own category (ESOCKET, EDNS…) and keeps Node's code here. */
  originalCode?: string;
  /** imapflow: set on login failures. */
  authenticationFailed?: boolean;
  /** imapflow: the bracketed response code of a NO, e.g. AUTHENTICATIONFAILED (RFC 5530). */
  serverResponseCode?: string;
  /** imapflow: a TLS or STARTTLS upgrade failed. */
  tlsFailed?: boolean;
  /** nodemailer: the SMTP reply code, e.g. 535. */
  responseCode?: number;
  /** Set by src/main/net/tlsTrust.ts on a refused certificate. */
  fingerprintSha256?: string;
}

const HOST_NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const UNREACHABLE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);
const TIMEOUTS = new Set(['ETIMEDOUT', 'ETIMEOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
const DROPPED = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'NoConnection',
  'EConnectionClosed',
  'ClosedAfterConnectText',
  'ClosedAfterConnectTLS',
]);
/** OpenSSL's verification failures as Node reports them, plus host name mismatch and our pin mismatch. */
const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  PIN_MISMATCH_CODE,
]);
/** IMAP response codes of RFC 5530 that mean "these credentials will not do". */
const IMAP_AUTH_CODES = new Set(['AUTHENTICATIONFAILED', 'AUTHORIZATIONFAILED', 'EXPIRED']);

export function classifyError(err: unknown, place: ErrorPlace): PostinoError {
  if (err instanceof PostinoError) return err;
  const e: LibraryError = typeof err === 'object' && err !== null ? (err as LibraryError) : { message: String(err) };
  const code = String(e.originalCode ?? e.code ?? '');
  const where = `${place.protocol} server ${place.host}:${place.port}`;
  const detail = e.message ? `: ${e.message}` : '';
  const make = (errorCode: ErrorCode, message: string, details?: PostinoError['details']) =>
    new PostinoError(errorCode, `${message}${detail}`, details);

  if (UNTRUSTED_CERTIFICATE.has(code)) {
    const details: Record<string, string> = { reason: code };
    if (e.fingerprintSha256) details.fingerprintSha256 = e.fingerprintSha256;
    return make('tls-untrusted', `The certificate of ${where} is not trusted`, details);
  }
  if (isTemporaryAuthFailure(e, code, place.protocol)) {
    return make('smtp-failed', `${where} could not check the password just now (${e.responseCode}, a temporary failure on the server); try again`);
  }
  if (isAuthFailure(e, code, place.protocol)) return make('auth-failed', `${where} refused the user name or password`);
  if (HOST_NOT_FOUND.has(code)) return make('host-not-found', `The host ${place.host} of the ${place.protocol} server was not found`);
  if (code === 'ECONNREFUSED') return make('connection-refused', `Nothing accepts connections at ${where}`);
  if (TIMEOUTS.has(code)) return make('timeout', `${where} did not answer in time`);
  if (UNREACHABLE.has(code)) return make('offline', `${where} cannot be reached from this network`);
  if (DROPPED.has(code)) return make('server-dropped', `${where} closed the connection`);
  if (e.tlsFailed || code === 'ETLS' || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return make('tls-failed', `The TLS handshake with ${where} failed (is the security mode right for this port?)`);
  }
  if (place.protocol === 'SMTP') return make('smtp-failed', `${where} refused the session`);
  return make('internal', `Unexpected failure talking to ${where}`);
}

/**
 * RFC 4954 §6: 454 is a temporary authentication failure (the server lost its own auth backend). It says nothing
 * about the password, so it must not send the user to retype one: nodemailer tags it EAUTH like a real 535.
 */
function isTemporaryAuthFailure(e: LibraryError, code: string, protocol: ErrorPlace['protocol']): boolean {
  const temporary = typeof e.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 500;
  return protocol === 'SMTP' && temporary && (code === 'EAUTH' || e.code === 'EAUTH');
}

function isAuthFailure(e: LibraryError, code: string, protocol: ErrorPlace['protocol']): boolean {
  if (protocol === 'IMAP') {
    return e.authenticationFailed === true || IMAP_AUTH_CODES.has(e.serverResponseCode ?? '');
  }
  // RFC 4954 §6: 535 is "authentication credentials invalid"; nodemailer tags every AUTH failure EAUTH.
  return code === 'EAUTH' || e.code === 'EAUTH' || e.responseCode === 535;
}
