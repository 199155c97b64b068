/**
 * Every error that crosses the bridge carries one of these codes. The UI maps a code to words in the
 * user's language; it never parses message strings. `message` is a developer-facing detail (English).
 */
export const ERROR_CODES = [
  'auth-failed', // wrong user name or password
  'host-not-found', // DNS could not resolve the host
  'connection-refused', // nothing listens on that port
  'timeout', // connect or command deadline passed
  'tls-untrusted', // certificate not trusted; details.fingerprintSha256 carries the certificate's fingerprint
  'tls-failed', // TLS handshake failed for another reason (wrong port for the security mode, ...)
  'not-imap4rev1', // the server does not announce IMAP4rev1
  'smtp-failed', // SMTP rejected the login or the connection for another reason
  'offline', // the server cannot be reached now; cached data is still served
  'limit-reached', // the mailbox limit (default 10) is reached
  'duplicate-account', // this address is already configured
  'invalid-input', // a field is missing or malformed; details.field names it
  'not-found', // the id does not exist (any more)
  'disk-full', // the cache could not be written: no space left
  'malformed-message', // a message could not be parsed; the raw source is kept
  'server-dropped', // the connection dropped mid-operation
  'server-refused', // the server answered NO to an action on mail (folder gone, permission, quota)
  'unauthorized', // web mode: missing or wrong token
  'internal', // a bug: anything not classified above
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface PostinoErrorData {
  code: ErrorCode;
  message: string;
  /** Structured extras, e.g. `{ field: 'imap.host' }` or `{ fingerprintSha256: 'AB:CD:…' }`. */
  details?: Record<string, string | number | boolean>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: PostinoErrorData };

/** Thrown by the core and re-thrown on the renderer side of a bridge, so `code` survives the crossing. */
export class PostinoError extends Error {
  readonly code: ErrorCode;
  readonly details?: PostinoErrorData['details'];

  constructor(code: ErrorCode, message: string, details?: PostinoErrorData['details']) {
    super(message);
    this.name = 'PostinoError';
    this.code = code;
    this.details = details;
  }

  toData(): PostinoErrorData {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

/** Wraps anything thrown into bridge data; unknown errors become `internal`. */
export function toErrorData(err: unknown): PostinoErrorData {
  if (err instanceof PostinoError) return err.toData();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}
