import { describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../../shared/types';
import { accountStatusText } from './accountStatus';

const now = Date.UTC(2026, 10, 27, 10, 0);
const base: AccountStatus = {
  accountId: 'a1',
  state: 'idle',
  folderPath: null,
  done: 0,
  total: 0,
  lastSyncedAt: null,
  offlineSince: null,
  error: null,
};

describe('accountStatusText', () => {
  it('says how long ago the account was synced', () => {
    expect(accountStatusText({ ...base, lastSyncedAt: now - 120_000 }, now, 'en')).toEqual({
      key: 'status.synced',
      values: { ago: '2 minutes ago' },
    });
  });

  it('says "just now" for a sync less than a minute ago', () => {
    expect(accountStatusText({ ...base, lastSyncedAt: now - 20_000 }, now, 'en')).toEqual({ key: 'status.syncedJustNow', values: {} });
  });

  it('shows progress with grouped numbers while syncing', () => {
    const status: AccountStatus = { ...base, state: 'syncing', folderPath: 'INBOX', done: 340, total: 12000 };
    expect(accountStatusText(status, now, 'en')).toEqual({
      key: 'status.syncingProgress',
      values: { done: '340', total: '12,000' },
    });
  });

  it('says since when the server is unreachable', () => {
    const status: AccountStatus = { ...base, state: 'offline', offlineSince: now - 30 * 60_000 };
    const text = accountStatusText(status, now, 'en');
    expect(text.key).toBe('status.offlineSince');
    expect(text.values.since).toMatch(/\d{1,2}:30/);
  });

  it('asks for the password when the server refused it', () => {
    expect(accountStatusText({ ...base, state: 'needs-password' }, now, 'en').key).toBe('status.needsPassword');
  });

  it('puts a failure into words through its error code', () => {
    const status: AccountStatus = { ...base, state: 'error', error: { code: 'disk-full', message: 'ENOSPC' } };
    expect(accountStatusText(status, now, 'en')).toEqual({ key: 'status.failed', values: {}, reasonKey: 'errors.disk-full' });
  });

  it('says the account was never synced when there is no status yet', () => {
    expect(accountStatusText(undefined, now, 'en').key).toBe('status.neverSynced');
  });
});
