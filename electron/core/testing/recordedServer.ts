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
        const received: RecordedRequest = { method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: request.headers, body: parseBody(text, request.headers['content-type']) };
        recorded.requests.push(received);
        const answer = route(received) ?? { status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>Not Found</h1>' };
        const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
        response.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...answer.headers }).end(body);
      });
    });
    return recorded;
  }

  /** The requests received so far for one method and path (a regular expression for paths with ids). */
  received(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path)));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A request's body as a platform server reads it: a form (OAuth token requests, Reddit's API) as
 * an object of its fields, JSON parsed, anything else (or JSON that is not) as its text: a
 * malformed body reaches the route, which answers it, instead of killing the server.
 */
function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return null;
  if (contentType?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
