import type { AccountStatus } from '../../../shared/types';
import { formatAgo, formatMoment } from '../../lib/formatDate';
import { errorKey } from '../../lib/errors';
import { formatCount } from '../../lib/formatNumber';

/** An i18n key and its values: the status line under an account's name, before translation. */
export interface StatusText {
  key: string;
  values: Record<string, string>;
  /** A key whose translation fills `values.reason`. */
  reasonKey?: string;
}

/** "Synced 2 minutes ago" / "Syncing 340 of 12,000" / "Offline since 10:42" / "Needs password". */
export function accountStatusText(status: AccountStatus | undefined, now: number, locale: string): StatusText {
  if (!status) return { key: 'status.neverSynced', values: {} };
  switch (status.state) {
    case 'syncing':
      return status.total > 0
        ? {
            key: 'status.syncingProgress',
            values: { done: formatCount(status.done, locale), total: formatCount(status.total, locale) },
          }
        : { key: 'status.syncingStart', values: {} };
    case 'offline':
      return status.offlineSince
        ? { key: 'status.offlineSince', values: { since: formatMoment(status.offlineSince, now, locale) } }
        : { key: 'status.offline', values: {} };
    case 'needs-password':
      return { key: 'status.needsPassword', values: {} };
    case 'error':
      return { key: 'status.failed', values: {}, reasonKey: errorKey(status.error) };
    case 'idle':
      if (status.lastSyncedAt === null) return { key: 'status.neverSynced', values: {} };
      // "Synced this minute" reads oddly; under a minute it is simply "just now".
      if (now - status.lastSyncedAt < 60_000) return { key: 'status.syncedJustNow', values: {} };
      return { key: 'status.synced', values: { ago: formatAgo(status.lastSyncedAt, now, locale) } };
  }
}
