import type { ApiEvents, EventName } from '../../shared/api/events';
import type { EventMessage } from '../../shared/api/wire';

export type EventBus = {
  emit<E extends EventName>(name: E, payload: ApiEvents[E]): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (message: EventMessage) => void): () => void;
};

/** Fans core events out to every connected transport. */
export function createEventBus(): EventBus {
  const listeners = new Set<(message: EventMessage) => void>();
  return {
    emit(name, payload) {
      const message = { type: 'event', name, payload } satisfies EventMessage;
      listeners.forEach((listener) => listener(message));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
