import { PostinoError } from '../../shared/errors';

/** SQLITE_FULL: no room left, on the disk (ENOSPC) or under the database's page limit. */
const DISK_FULL_CODES = new Set(['SQLITE_FULL']);

function sqliteCode(err: unknown): string | null {
  if (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('SQLITE_')) {
    return err.code;
  }
  return null;
}

/** Gives a SQLite failure the error code the UI understands; PostinoErrors and bugs pass through unchanged. */
export function toStoreError(err: unknown): unknown {
  const code = sqliteCode(err);
  if (code && DISK_FULL_CODES.has(code)) {
    return new PostinoError('disk-full', `The mail cache could not be written: ${(err as Error).message}`, {
      sqliteCode: code,
    });
  }
  return err;
}
