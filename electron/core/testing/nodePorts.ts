import type { MessagePort } from 'node:worker_threads';
import type { MessagePortLike } from '../../../shared/api/messagePortTransport';
import type { PortLike } from '../api/messagePortServer';

/**
 * Node's worker_threads ports standing in for Electron's, which cannot run here. Electron's
 * MessagePortMain hands 'message' listeners `{ data }`; Node's emitter API hands them the data.
 */
export function asPortMain(port: MessagePort): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    on(event: 'message' | 'close', listener: (event: { data: unknown }) => void) {
      return port.on(event, event === 'message' ? (data: unknown) => listener({ data }) : listener);
    },
    start: () => port.start(),
    close: () => port.close(),
  };
}

/**
 * The renderer's side: Node's MessagePort implements the DOM's EventTarget API at run time
 * (MessageEvent with `data`, a 'close' event), though @types/node types its events as bare Events.
 */
export const asDomPort = (port: MessagePort): MessagePortLike => port as unknown as MessagePortLike;
