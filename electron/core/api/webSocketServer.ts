import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { isRequestMessage } from '../../../shared/api/wire';
import type { EventBus } from '../events';
import type { ApiServer } from './apiServer';
import { hasOwnHost, isOwnOrigin } from './loopbackGuard';

export type RunningWebSocketServer = { url: string; token: string; port: number; boundAddress: string; close(): Promise<void> };

/** A fresh random token per run: only whoever was handed the URL can talk to the core. */
export const newSessionToken = (): string => randomBytes(24).toString('base64url');

function hasToken(request: IncomingMessage, token: string): boolean {
  const given = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Refuses, during the handshake, a page of another site (403) and a caller without the run's token (401). */
function verifyHandshake(token: string) {
  return ({ req }: { req: IncomingMessage }, callback: (isOk: boolean, code?: number, message?: string) => void) => {
    if (!hasOwnHost(req) || !isOwnOrigin(req.headers.origin, req.socket.localPort ?? -1)) callback(false, 403, 'Forbidden');
    else if (!hasToken(req, token)) callback(false, 401, 'Unauthorized');
    else callback(true);
  };
}

/** Far above any request the app sends; a bigger frame closes only its own socket (1009). */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/**
 * The browser harness's transport: the same RPC over a WebSocket on 127.0.0.1 only, for the
 * harness's own page holding the run's token (see verifyHandshake). Either it
 * listens on its own port, or it shares an HTTP server already listening on 127.0.0.1 (the
 * harness's, which serves the page) at `/core`.
 */
export async function startWebSocketServer(options: {
  server: ApiServer;
  events: EventBus;
  token?: string;
  port?: number;
  httpServer?: Server;
}): Promise<RunningWebSocketServer> {
  const token = options.token ?? newSessionToken();
  const verifyClient = verifyHandshake(token);
  const wss = options.httpServer
    ? new WebSocketServer({ server: options.httpServer, path: '/core', maxPayload: MAX_MESSAGE_BYTES, verifyClient })
    : new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0, maxPayload: MAX_MESSAGE_BYTES, verifyClient });
  if (!options.httpServer) {
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
  }
  // An 'error' nobody listens to is thrown, and would take the whole core down for one bad client.
  wss.on('error', (error) => console.error('WebSocket server:', error.message));
  wss.on('connection', (socket) => {
    const unsubscribe = options.events.subscribe((event) => socket.send(JSON.stringify(event)));
    socket.on('close', unsubscribe);
    // A frame over the limit, invalid UTF-8, an unmasked frame: ws has already closed this
    // socket with the matching code (1009, 1007, 1002); the others carry on.
    socket.on('error', (error) => console.warn('WebSocket client dropped:', error.message));
    socket.on('message', async (data) => {
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        socket.close(1007, 'Messages must be JSON.');
        return;
      }
      if (!isRequestMessage(message)) {
        socket.close(1008, 'Messages must be requests: { type: "request", id, method, input }.');
        return;
      }
      socket.send(JSON.stringify(await options.server.handle(message)));
    });
  });
  const { port, address } = (options.httpServer ?? wss).address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/${options.httpServer ? 'core' : ''}?token=${token}`,
    token,
    port,
    boundAddress: address,
    close: () => new Promise((resolve) => {
      wss.clients.forEach((client) => client.terminate());
      wss.close(() => resolve());
    }),
  };
}
