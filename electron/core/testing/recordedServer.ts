import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { method: string; path: string; query: URLSearchParams; headers: IncomingHttpHeaders; body: unknown };
export type RecordedResponse = { status?: number; headers?: Record<string, string>; body?: unknown };
/** Answers one request with a recorded response; undefined: 404, as a server without the route. */
export type Route = (request: RecordedRequest) => RecordedResponse | undefined;

/**
 * A real HTTP server on 127.0.0.1 that plays recorded platform responses, for what the local
 * servers cannot produce (a 429, another server's fields), and keeps every request it received.
 */
export class RecordedServer {
  readonly requests: RecordedRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(route: Route): Promise<RecordedServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const recorded = new RecordedServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (request, response) => {
      let text = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (text += chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', recorded.url);
        const received: RecordedRequest = { method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: request.headers, body: text === '' ? null : JSON.parse(text) };
        recorded.requests.push(received);
        const answer = route(received) ?? { status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>Not Found</h1>' };
        const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
        response.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...answer.headers }).end(body);
      });
    });
    return recorded;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
