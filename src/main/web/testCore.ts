/**
 * A small in-memory `Core` for the bridges' own tests: the transport (dispatch, IPC, WebSocket) is what those
 * tests exercise, so the core behind it only answers what each test sets. Never a stand-in for IMAP or SMTP.
 */
import { API_METHODS, type Domain, type PostinoApi } from '../../shared/api';
import { PostinoError } from '../../shared/errors';
import { createCoreEvents } from '../core/events';
import type { Core } from '../core/types';
import type { ActivityEvent } from '../scheduler/activity';
import type { Scheduler } from '../scheduler/scheduler';

export type ApiOverrides = { [D in Domain]?: Partial<PostinoApi[D]> };

/** Every method not overridden rejects with `not-found`, so a test that calls something unexpected fails loudly. */
export function createTestApi(overrides: ApiOverrides = {}): PostinoApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const domain of Object.keys(API_METHODS) as Domain[]) {
    const service: Record<string, unknown> = {};
    for (const method of API_METHODS[domain]) {
      service[method] = async () => {
        throw new PostinoError('not-found', `${domain}.${method} is not answered by this test`);
      };
    }
    api[domain] = { ...service, ...overrides[domain] };
  }
  return api as unknown as PostinoApi;
}

/** The part of a Core the bridges and the shell use, plus what the test wants to see of it. */
export interface TestCore extends Pick<Core, 'api' | 'events' | 'close'> {
  scheduler: Pick<Scheduler, 'dispatch'>;
  /** Activity events the shell reported to the scheduler, in order. */
  activity: ActivityEvent[];
  closed(): boolean;
}

export function createTestCore(overrides: ApiOverrides = {}): TestCore {
  let closed = false;
  const activity: ActivityEvent[] = [];
  return {
    api: createTestApi(overrides),
    events: createCoreEvents(),
    scheduler: { dispatch: (event) => void activity.push(event) },
    activity,
    close: async () => {
      closed = true;
    },
    closed: () => closed,
  };
}
