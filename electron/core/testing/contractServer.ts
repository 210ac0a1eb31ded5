import { RecordedServer, type RecordedRequest, type RecordedResponse, type Route } from './recordedServer';

/** A route of a contract server: the request and the `:name` segments of its path. */
export type ContractHandler = (request: RecordedRequest, params: Readonly<Record<string, string>>) => RecordedResponse | undefined;

/**
 * The routes of a platform's contract server, keyed `METHOD /path/:param` as the platform's
 * reference writes them (`GET /v24.0/:pageId/conversations`); the first that matches answers,
 * and a request no route takes gets the 404 a real server gives (RecordedServer's).
 */
export function routeTable(routes: Readonly<Record<string, ContractHandler>>): Route {
  const compiled = Object.entries(routes).map(([key, handler]) => {
    const [method, path] = key.split(' ', 2) as [string, string];
    const names: string[] = [];
    const pattern = new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/:(\w+)/gu, (_, name: string) => (names.push(name), '([^/]+)'))}$`, 'u');
    return { method, pattern, names, handler };
  });
  return (request) => {
    for (const route of compiled) {
      if (route.method !== request.method) continue;
      const match = route.pattern.exec(request.path);
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]));
      return route.handler(request, params);
    }
    return undefined;
  };
}

/**
 * Failures a test asks for, served before the route's answer: the next `times` requests that
 * `matches` take get `response` (a 429 with its reset header, an expired token's error body, a 500).
 */
export class InjectedFailures {
  private readonly queue: { matches: (request: RecordedRequest) => boolean; response: RecordedResponse; times: number }[] = [];

  add(matches: (request: RecordedRequest) => boolean, response: RecordedResponse, times = 1): void {
    this.queue.push({ matches, response, times });
  }

  /** Wraps a route: an injected failure answers first, once per time it was asked for. */
  around(route: Route): Route {
    return (request) => {
      const failure = this.queue.find((candidate) => candidate.times > 0 && candidate.matches(request));
      if (!failure) return route(request);
      failure.times -= 1;
      return failure.response;
    };
  }
}

/**
 * A contract server's stand-in for the platform's consent page: the person "agrees" at once and
 * the browser is sent back to the app's loopback `redirect_uri` with a code and the same `state`,
 * as RFC 6749 §4.1.2 says. A request without a loopback redirect is refused, as the platform would.
 */
export function consentAndRedirect(request: RecordedRequest, code: string): RecordedResponse {
  const redirectUri = request.query.get('redirect_uri');
  const state = request.query.get('state');
  if (!redirectUri?.startsWith('http://127.0.0.1:') || !state) return { status: 400, body: { error: 'invalid_request', error_description: 'redirect_uri and state are required' } };
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  target.searchParams.set('state', state);
  return { status: 302, headers: { location: target.toString(), 'content-type': 'text/html' }, body: '' };
}

/**
 * What every platform's contract server shares: the RecordedServer on 127.0.0.1 it answers on,
 * its address, the log of what it was asked, and closing. A platform's server builds its state in
 * its constructor, then `listen`s with the route that answers for it.
 */
export abstract class ContractServerBase {
  private recorded: RecordedServer | null = null;

  /** Starts answering on a free port; the route sees every request after the server is built, so it may read the server's state. */
  protected async listen(route: Route): Promise<this> {
    this.recorded = await RecordedServer.start(route);
    return this;
  }

  private get server(): RecordedServer {
    if (this.recorded === null) throw new Error('The contract server is not started.');
    return this.recorded;
  }

  get url(): string {
    return this.server.url;
  }

  /** Every request received, in order: what the platform would have been asked. */
  get requests(): readonly RecordedRequest[] {
    return this.server.requests;
  }

  /** The requests received for one method and path (a regular expression for paths with ids). */
  received(method: string, path: string | RegExp): RecordedRequest[] {
    return this.server.received(method, path);
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
