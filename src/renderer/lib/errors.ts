import { ERROR_CODES, type ErrorCode, type PostinoErrorData } from '../../shared/errors';

/** What the UI needs from any thrown value: the code (never the message text) and its structured details. */
export function errorData(err: unknown): Pick<PostinoErrorData, 'code' | 'details'> {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) {
      const details = (err as { details?: PostinoErrorData['details'] }).details;
      return { code: code as ErrorCode, ...(details ? { details } : {}) };
    }
  }
  return { code: 'internal' };
}

/** The i18n key that puts an error into the user's words. */
export function errorKey(err: unknown): `errors.${ErrorCode}` {
  return `errors.${errorData(err).code}`;
}
