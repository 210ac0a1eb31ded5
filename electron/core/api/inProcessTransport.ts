import type { ClientTransport } from '../../../shared/api/client';
import type { ServerMessage } from '../../../shared/api/wire';
import type { EventBus } from '../events';
import type { ApiServer } from './apiServer';

/**
 * The RPC without a process border, for tests. Messages are structured-cloned and delivered
 * asynchronously, as a MessagePort or a WebSocket would, so tests see what real clients see.
 */
export function inProcessTransport(server: ApiServer, events: EventBus): ClientTransport {
  const listeners = new Set<(message: ServerMessage) => void>();
  const closeListeners = new Set<(reason: string) => void>();
  const deliver = (message: ServerMessage) => {
    const copy = structuredClone(message);
    queueMicrotask(() => listeners.forEach((listener) => listener(copy)));
  };
  const unsubscribe = events.subscribe(deliver);
  return {
    send: (request) => void server.handle(structuredClone(request)).then(deliver),
    onMessage: (listener) => listeners.add(listener),
    onClose: (listener) => closeListeners.add(listener),
    close() {
      unsubscribe();
      closeListeners.forEach((listener) => listener('The in-process client closed.'));
    },
  };
}
