import type { IncomingMessage } from 'node:http';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

/**
 * Whether the `Host` header names this very server: 127.0.0.1 or localhost with the port the
 * request came in on. A page on evil.example that re-points its DNS name at 127.0.0.1 (DNS
 * rebinding) reaches the socket, but its requests still say `Host: evil.example`.
 */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host !== undefined && LOOPBACK_NAMES.some((name) => host.toLowerCase() === `${name}:${port}`);
}

/**
 * Whether a WebSocket handshake may come from this `Origin`: the harness's own page only. A
 * browser always sends the header, so its absence means a program on this machine (a test, a
 * script), which holds no more power than the token already grants.
 */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || LOOPBACK_NAMES.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}

/** The Host check against the port the request arrived on (one server may listen on several). */
export const hasOwnHost = (request: IncomingMessage): boolean => isOwnHost(request.headers.host, request.socket.localPort ?? -1);
