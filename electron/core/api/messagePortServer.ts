import { isRequestMessage, type ServerMessage } from '../../../shared/api/wire';
import type { EventBus } from '../events';
import type { ApiServer } from './apiServer';

/**
 * The part of Electron's MessagePortMain (as a utilityProcess receives it) the server needs,
 * written structurally because the core may not import electron. Its listener gets an event
 * carrying `data`, where Node's own worker_threads ports pass the data itself.
 */
export type PortLike = {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
};

// The same shape check as the WebSocket server's: the contract validates the input itself.
/**
 * The app's transport: the RPC over one MessagePort, one port per window. Anything that is not
 * a request closes the port, as the WebSocket server closes its socket: only our own renderer
 * holds the other end, so a malformed message means a bug or a compromised page.
 */
export function serveOverPort(port: PortLike, server: ApiServer, events: EventBus): void {
  let isOpen = true;
  const post = (message: ServerMessage) => {
    if (isOpen) port.postMessage(message);
  };
  const unsubscribe = events.subscribe(post);
  const shut = () => {
    if (!isOpen) return;
    isOpen = false;
    unsubscribe();
  };
  port.on('close', shut);
  port.on('message', async ({ data }) => {
    if (!isRequestMessage(data)) {
      shut();
      port.close();
      return;
    }
    post(await server.handle(data));
  });
  port.start();
}
