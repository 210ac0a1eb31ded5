import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A recorded answer: a fixture file with its status and headers. */
export type Recorded = { status?: number; headers?: Record<string, string>; fixture: string };

export type ReceivedRequest = { method: string; nsid: string; query: URLSearchParams; headers: IncomingHttpHeaders; body: unknown };

/**
 * An XRPC server (a PDS) played from recorded answers on 127.0.0.1, for what the local network
 * cannot do (Bluesky chat, a 429): `answers` maps an XRPC method to what it says, read from
 * `fixtures`; what is not there is a 501.
 */
export class RecordedXrpcServer {
  readonly received: ReceivedRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly answers: Map<string, Recorded>,
  ) {}

  static async start(fixtures: string, answers: Record<string, Recorded>): Promise<RecordedXrpcServer> {
    const server = createServer();
    const recorded = new RecordedXrpcServer(server, new Map(Object.entries(answers)));
    server.on('request', (req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const nsid = url.pathname.replace('/xrpc/', '');
        recorded.received.push({ method: req.method ?? 'GET', nsid, query: url.searchParams, headers: req.headers, body: body === '' ? null : JSON.parse(body) });
        const answer = recorded.answers.get(nsid);
        if (!answer) {
          res.writeHead(501, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'MethodNotImplemented', message: `Not recorded: ${nsid}` }));
          return;
        }
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers }).end(readFileSync(path.join(fixtures, answer.fixture)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return recorded;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  calls(nsid: string): ReceivedRequest[] {
    return this.received.filter((request) => request.nsid === nsid);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
