import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where the loopback listener may bind: 127.0.0.1 and a port chosen by the system unless told. */
export type LoopbackPolicy = { host: string; port: number };
export const DEFAULT_LOOPBACK: LoopbackPolicy = { host: '127.0.0.1', port: 0 };

/** What ended a sign-in's wait: a code, or why not (a `SIGN_IN_REFUSALS` key). */
export type Redirect = { code: string } | { error: 'denied' | 'state_mismatch' | 'expired'; detail: string };

const PAGES = {
  done: 'Pieuvre: you are signed in. You can close this tab.\n\nPieuvre : vous êtes connecté. Vous pouvez fermer cet onglet.\n',
  denied: 'Pieuvre: the sign-in was refused. You can close this tab.\n\nPieuvre : la connexion a été refusée. Vous pouvez fermer cet onglet.\n',
  mismatch: 'Pieuvre: this sign-in link is not the one Pieuvre was waiting for. Start again from Pieuvre.\n\nPieuvre : ce lien de connexion n’est pas celui qu’attendait Pieuvre. Recommencez depuis Pieuvre.\n',
} as const;

/**
 * A one-shot listener for the browser's redirect after the person signs in (RFC 8252 §7.3): it
 * takes the first redirect to its path (a code with the expected `state`, a refusal, or a forged
 * `state`), answers the browser with a short page in English and French, and closes.
 */
export class LoopbackListener {
  private readonly result: Promise<Redirect>;
  private settle: (redirect: Redirect) => void = () => {};

  private constructor(
    private readonly server: Server,
    readonly redirectUri: string,
  ) {
    this.result = new Promise((resolve) => (this.settle = resolve));
  }

  /**
   * `path` is fixed per platform: servers compare it with the registered one exactly (only a
   * loopback port may differ); each sign-in has its own listener, and its `state` says which
   * sign-in a redirect belongs to.
   */
  static async open(policy: LoopbackPolicy, expectedState: string, path: string): Promise<LoopbackListener> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(policy.port, policy.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const host = policy.host.includes(':') ? `[${policy.host}]` : policy.host;
    const listener = new LoopbackListener(server, `http://${host}:${port}${path}`);
    server.on('request', (request, response) => {
      const url = new URL(request.url ?? '/', 'http://loopback');
      if (request.method !== 'GET' || url.pathname !== path) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.\n');
        return;
      }
      const redirect = readRedirect(url.searchParams, expectedState);
      const page = 'code' in redirect ? PAGES.done : redirect.error === 'denied' ? PAGES.denied : PAGES.mismatch;
      response.writeHead('code' in redirect ? 200 : 400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(page);
      listener.settle(redirect);
      listener.close();
    });
    return listener;
  }

  /** The first redirect; never rejects (closing without one leaves it pending: the caller times out). */
  next(): Promise<Redirect> {
    return this.result;
  }

  close(): void {
    this.server.close();
    this.server.closeIdleConnections();
  }
}

function readRedirect(params: URLSearchParams, expectedState: string): Redirect {
  if (params.get('state') !== expectedState) return { error: 'state_mismatch', detail: 'the redirect’s state is not the one this sign-in sent' };
  const error = params.get('error');
  if (error !== null) return { error: 'denied', detail: `${error}${params.get('error_description') ? `: ${params.get('error_description')}` : ''}`.slice(0, 300) };
  const code = params.get('code');
  return code ? { code } : { error: 'denied', detail: 'the redirect carried no code' };
}
