import type { ApiEvents, EventName } from '../../shared/api/events';
import type { EventMessage } from '../../shared/api/wire';

export type EventBus = {
  emit<E extends EventName>(name: E, payload: ApiEvents[E]): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (message: EventMessage) => void): () => void;
};

/**
 * Fans core events out to every connected transport. One listener failing (a window's port
 * closing as it is written to) is reported and skipped: the others still hear the event, and
 * whatever emitted it (an ingest, a timer, a request) carries on.
 */
export function createEventBus(onListenerError: (error: unknown, event: EventName) => void): EventBus {
  const listeners = new Set<(message: EventMessage) => void>();
  return {
    emit(name, payload) {
      const message = { type: 'event', name, payload } satisfies EventMessage;
      for (const listener of listeners) {
        try {
          listener(message);
        } catch (error) {
          onListenerError(error, name);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
