/**
 * User settings, one row per key holding JSON. Reads start from DEFAULT_SETTINGS, so a setting added in a later
 * version needs no migration; every write is checked by the field's validator, and a bad value is an
 * `invalid-input` naming the field, with nothing written.
 */
import { PostinoError } from '../../shared/errors';
import type { SyncIntervals } from '../../shared/schedule';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/types';
import { all, run, type Db } from './db';
import type { Store } from './store';

type Validator<K extends keyof Settings> = (value: unknown, current: Settings[K]) => Settings[K];

function invalid(field: string, expected: string): PostinoError {
  return new PostinoError('invalid-input', `Setting ${field} must be ${expected}`, { field });
}

const integerAtLeast =
  (field: string, min: number) =>
  (value: unknown): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      throw invalid(field, `an integer of at least ${min}`);
    }
    return value;
  };

const boolean =
  (field: string) =>
  (value: unknown): boolean => {
    if (typeof value !== 'boolean') throw invalid(field, 'true or false');
    return value;
  };

/** A partial object is merged into the current intervals; each must be a positive number of milliseconds. */
const syncIntervals: Validator<'syncIntervals'> = (value, current) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('syncIntervals', 'an object');
  const next: SyncIntervals = { ...current };
  for (const [key, ms] of Object.entries(value)) {
    if (!(key in current)) throw invalid(`syncIntervals.${key}`, 'a known interval');
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) {
      throw invalid(`syncIntervals.${key}`, 'a positive number of milliseconds');
    }
    next[key as keyof SyncIntervals] = ms;
  }
  return next;
};

/** Longer than this, "Undo send" holds mail back more than people expect of sending. */
export const MAX_UNDO_SEND_SECONDS = 30;

/** Sender addresses compare case-insensitively: stored lower-case, trimmed, once each. */
export function normaliseSender(address: string): string {
  return address.trim().toLowerCase();
}

const VALIDATORS: { [K in keyof Settings]: Validator<K> } = {
  mailboxLimit: integerAtLeast('mailboxLimit', 1),
  offlineBodyDays: integerAtLeast('offlineBodyDays', 0),
  assignKnownClients: boolean('assignKnownClients'),
  language: (value) => {
    if (value !== null && value !== 'en' && value !== 'it') throw invalid('language', '"en", "it" or null');
    return value;
  },
  threaded: boolean('threaded'),
  remoteContentSenders: (value) => {
    if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
      throw invalid('remoteContentSenders', 'a list of addresses');
    }
    return [...new Set(value.map(normaliseSender).filter((address) => address !== ''))];
  },
  instantNewMail: boolean('instantNewMail'),
  syncIntervals,
  notificationsPausedUntil: (value) => {
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw invalid('notificationsPausedUntil', 'a time in epoch milliseconds or null');
    }
    return value;
  },
  signatures: (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('signatures', 'an object of signatures by account');
    for (const [accountId, signature] of Object.entries(value)) {
      if (typeof signature !== 'string') throw invalid(`signatures.${accountId}`, 'text');
    }
    return { ...(value as Record<string, string>) };
  },
  undoSendSeconds: (value) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_UNDO_SEND_SECONDS) {
      throw invalid('undoSendSeconds', `a whole number of seconds from 0 to ${MAX_UNDO_SEND_SECONDS}`);
    }
    return value;
  },
};

const isSettingKey = (key: string): key is keyof Settings => Object.hasOwn(VALIDATORS, key);

function validate<K extends keyof Settings>(key: K, value: unknown, current: Settings): Settings[K] {
  return VALIDATORS[key](value, current[key]);
}

export function getSettings(db: Db): Settings {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  const target = settings as unknown as Record<string, unknown>;
  for (const row of all<{ key: string; value: string }>(db, 'SELECT key, value FROM settings')) {
    if (!isSettingKey(row.key)) continue; // a setting an older or newer version wrote: not ours to interpret
    try {
      target[row.key] = validate(row.key, JSON.parse(row.value), settings);
    } catch {
      // A stored value this version no longer accepts falls back to its default rather than breaking startup.
    }
  }
  return settings;
}

/** Validates every field of the patch first, then writes them in one transaction; returns the settings after. */
export function updateSettings(store: Store, patch: Partial<Record<keyof Settings, unknown>>): Settings {
  // A key given as undefined is absent (as it would be after crossing JSON), not a request to clear it.
  const keys = Object.keys(patch).filter((key) => patch[key as keyof Settings] !== undefined);
  return store.write(
    () => {
      const current = getSettings(store.db);
      const next = { ...current } as unknown as Record<string, unknown>;
      for (const key of keys) {
        if (!isSettingKey(key)) throw new PostinoError('invalid-input', `Unknown setting ${key}`, { field: key });
        next[key] = validate(key, patch[key], current);
      }
      for (const key of keys) {
        run(store.db, 'INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)', [key, JSON.stringify(next[key])]);
      }
      return next as unknown as Settings;
    },
    () => (keys.length === 0 ? null : { entity: 'settings', kind: 'update', ids: keys }),
  );
}

/** Always show remote content from this sender from now on. */
export function allowRemoteContent(store: Store, senderAddress: string): Settings {
  const sender = normaliseSender(senderAddress);
  if (!sender.includes('@')) {
    throw new PostinoError('invalid-input', 'A sender address is needed', { field: 'senderAddress' });
  }
  const { remoteContentSenders } = getSettings(store.db);
  return updateSettings(store, { remoteContentSenders: [...remoteContentSenders, sender] });
}
