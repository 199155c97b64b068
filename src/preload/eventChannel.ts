import type { EventName } from '../shared/api';

/**
 * The IPC channel a core event travels on from the shell to the preload. Prefixed because event and request names
 * share a namespace (`sync:status` is both), and a page must never mistake one for the other.
 */
export function eventChannel(event: EventName): string {
  return `event:${event}`;
}
