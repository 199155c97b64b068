import { EventEmitter } from 'node:events';
import type { EventMap, EventName } from '../../shared/api';

/** The core's push channel: the store, sync and scheduler emit; the bridges forward to every renderer. */
export interface CoreEvents {
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

export function createCoreEvents(): CoreEvents {
  const emitter = new EventEmitter();
  // Every open window and WebSocket subscribes; the default limit of 10 would warn for no reason.
  emitter.setMaxListeners(0);
  return {
    emit: (event, payload) => void emitter.emit(event, payload),
    on: (event, listener) => {
      emitter.on(event, listener);
      return () => void emitter.off(event, listener);
    },
  };
}
