import type { ClientTransport } from './client';
import type { ServerMessage } from './wire';

/** The part of the WebSocket standard the client needs: browsers and Node 22 both provide it. */
export type WebSocketLike = {
  readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
};

const OPEN = 1;

/** A client transport over an already-created WebSocket; sends wait until it opens. */
export function webSocketTransport(socket: WebSocketLike): ClientTransport {
  const queue: string[] = [];
  socket.addEventListener('open', () => queue.splice(0).forEach((data) => socket.send(data)));
  return {
    send(message) {
      const data = JSON.stringify(message);
      if (socket.readyState === OPEN) socket.send(data);
      else queue.push(data);
    },
    onMessage(listener) {
      socket.addEventListener('message', (event) => {
        if (typeof event.data === 'string') listener(JSON.parse(event.data) as ServerMessage);
      });
    },
    onClose(listener) {
      let isClosed = false;
      const closeOnce = (reason: string) => {
        if (isClosed) return;
        isClosed = true;
        listener(reason);
      };
      socket.addEventListener('close', () => closeOnce('The connection to Pieuvre closed.'));
      // A refused handshake fires only "error" in Node 22's WebSocket (browsers add "close").
      socket.addEventListener('error', () => {
        if (socket.readyState !== OPEN) closeOnce('Could not connect to Pieuvre.');
      });
    },
    close: () => socket.close(),
  };
}
