import { CORE_PORT_MESSAGE, type PieuvreBridge } from './bridge';
import type { ClientTransport } from './client';
import type { ServerMessage } from './wire';

/** The part of the DOM-standard MessagePort the client needs (the renderer's, in the app). */
export type MessagePortLike = {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  start(): void;
  close(): void;
};

/** A window, as far as receiving the core's port goes. */
export type PortMessageTarget = {
  addEventListener(type: 'message', listener: (event: { data: unknown; ports: readonly MessagePortLike[] }) => void): void;
};

/**
 * The core's port, in the desktop app: listens for it, then asks the bridge for it, so the
 * answer cannot arrive before anyone listens, whenever the page calls this.
 */
export function receiveCorePort(target: PortMessageTarget, bridge: Pick<PieuvreBridge, 'requestCorePort'>): Promise<MessagePortLike> {
  const port = new Promise<MessagePortLike>((resolve) => {
    target.addEventListener('message', (event) => {
      const [received] = event.ports;
      if (event.data === CORE_PORT_MESSAGE && received) resolve(received);
    });
  });
  bridge.requestCorePort();
  return port;
}

/**
 * A client transport over a MessagePort, or over the promise of one: calls made before the port
 * arrives wait for it, so the app can create its client synchronously at startup. Messages are
 * structured-cloned by the port itself, so nothing is serialised here.
 */
export function messagePortTransport(port: MessagePortLike | PromiseLike<MessagePortLike>): ClientTransport {
  const ready = Promise.resolve(port);
  const closeListeners = new Set<(reason: string) => void>();
  let isClosed = false;
  const closeOnce = (reason: string) => {
    if (isClosed) return;
    isClosed = true;
    closeListeners.forEach((listener) => listener(reason));
  };
  return {
    // Each send waits on the same promise, so requests keep their order.
    send: (message) => void ready.then((p) => p.postMessage(message)),
    onMessage(listener) {
      void ready.then((p) => {
        p.addEventListener('message', (event) => listener(event.data as ServerMessage));
        // With addEventListener (unlike onmessage) the port holds its messages until start().
        p.start();
      });
    },
    onClose(listener) {
      closeListeners.add(listener);
      // Fired when the other end goes away, e.g. the core's process exited.
      void ready.then((p) => p.addEventListener('close', () => closeOnce('The connection to Pieuvre closed.')));
    },
    close() {
      void ready.then((p) => p.close());
      closeOnce('The connection to Pieuvre was closed by this window.');
    },
  };
}
