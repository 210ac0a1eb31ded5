import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Which exchange to hold: the request's method and path (with its query). */
export type ExchangeMatch = (method: string, path: string) => boolean;

/**
 * An HTTP proxy on 127.0.0.1 in front of a local server, for what a test must make happen at an
 * exact moment: `holdNext` lets one matching request reach the server and keeps its answer
 * (the server did the work; the client never hears back, as when the client dies or the network
 * drops right then), and `stop`/`start` make the server unreachable and reachable again on the
 * same address without touching the real server other tests share.
 */
export class HoldingProxy {
  private server: Server | null = null;
  private port = 0;
  private readonly sockets = new Set<Socket>();
  private holds: { match: ExchangeMatch; held: () => void }[] = [];

  private constructor(private readonly upstream: URL) {}

  static async start(upstream: string): Promise<HoldingProxy> {
    const proxy = new HoldingProxy(new URL(upstream));
    await proxy.start();
    return proxy;
  }

  /** The address clients use in place of the server's. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Resolves once a matching request was answered by the server and its answer kept from the client. */
  holdNext(match: ExchangeMatch): Promise<void> {
    return new Promise((held) => this.holds.push({ match, held }));
  }

  /** Listens again, on the same port once it has had one. */
  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => this.forward(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Refuses connections from now on and cuts the open ones, like a server that went down. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    const holdIndex = this.holds.findIndex((hold) => hold.match(req.method ?? 'GET', path));
    const hold = holdIndex >= 0 ? this.holds.splice(holdIndex, 1)[0] : undefined;
    const upstreamRequest = httpRequest(
      { host: this.upstream.hostname, port: this.upstream.port, method: req.method, path, headers: { ...req.headers, host: this.upstream.host } },
      (upstreamResponse) => {
        if (hold) {
          // Read to the end so the server finishes its side, then tell the test; the client waits forever.
          upstreamResponse.resume();
          upstreamResponse.once('end', hold.held);
          return;
        }
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(res);
      },
    );
    upstreamRequest.once('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstreamRequest);
  }
}
