import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { isRequestMessage } from '../../../shared/api/wire';
import type { EventBus } from '../events';
import type { ApiServer } from './apiServer';

export type RunningWebSocketServer = { url: string; token: string; port: number; boundAddress: string; close(): Promise<void> };

/** A fresh random token per run: only whoever was handed the URL can talk to the core. */
export const newSessionToken = (): string => randomBytes(24).toString('base64url');

function hasToken(request: IncomingMessage, token: string): boolean {
  const given = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The browser harness's transport: the same RPC over a WebSocket on 127.0.0.1 only. A
 * connection without the run's token is refused during the handshake (HTTP 401). Either it
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
  const verifyClient = ({ req }: { req: IncomingMessage }, callback: (isOk: boolean, code?: number, message?: string) => void) =>
    hasToken(req, token) ? callback(true) : callback(false, 401, 'Unauthorized');
  const wss = options.httpServer
    ? new WebSocketServer({ server: options.httpServer, path: '/core', maxPayload: 8 * 1024 * 1024, verifyClient })
    : new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0, maxPayload: 8 * 1024 * 1024, verifyClient });
  if (!options.httpServer) {
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
  }
  wss.on('connection', (socket) => {
    const unsubscribe = options.events.subscribe((event) => socket.send(JSON.stringify(event)));
    socket.on('close', unsubscribe);
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
