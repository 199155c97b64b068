import type { ActivityEventName, ScheduleStatus } from '../schedule';

export interface ActivityApi {
  /** The renderer reports what the user does with the window; sync follows (active vs background cadence). */
  report(event: ActivityEventName): Promise<void>;
  /** Every account's schedule: last sync, next sync, and why. */
  schedule(): Promise<ScheduleStatus[]>;
}

export const ACTIVITY_METHODS = ['report', 'schedule'] as const satisfies ReadonlyArray<keyof ActivityApi>;
