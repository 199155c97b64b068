import { describeSchedule, type ScheduleStatus } from '../../../shared/schedule';
import { formatAgo } from '../../lib/formatDate';

export interface ScheduleLine {
  key: string;
  values: Record<string, string>;
  /** When set, the translation of this key fills `values.cause`. */
  causeKey?: string;
}

/** "Next sync in 8 minutes — window active": the core's schedule (shared/schedule.ts) ready for translation. */
export function scheduleLine(status: ScheduleStatus, now: number, locale: string): ScheduleLine {
  const { key, params } = describeSchedule(status, now);
  const values: Record<string, string> = {};
  if (typeof params.at === 'number') values.when = formatAgo(params.at, now, locale);
  if (typeof params.failedAttempts === 'number') values.failedAttempts = String(params.failedAttempts);
  const causeKey = typeof params.cause === 'string' ? `schedule.cause.${params.cause}` : undefined;
  return { key, values, ...(causeKey ? { causeKey } : {}) };
}
