import type { PendingSignIn } from '../../../../shared/api/accounts';
import { ApiFailure } from '../../../../shared/api/result';
import type { SecretStore } from '../../secrets/secretStore';
import { ConnectorError } from '../connector';
import type { BrowserSignIns, SignedIn, SignInRefusal } from '../signIn';
import { forgetApp, OUT_OF_BAND, registeredApp, type AppRegistration } from './appRegistration';
import { accountHost, verifyCredentials } from './mastodonBrand';
import { tokenSchema } from './mastodonEntities';
import { MastodonHttp } from './mastodonHttp';
import { encodeMastodonSecret } from './mastodonSecret';
import { keepOutOfBandFlow, takeOutOfBandFlow } from './outOfBandFlow';
import { DEFAULT_LOOPBACK, LoopbackListener, type LoopbackPolicy, type Redirect } from '../oauth/loopbackListener';
import { pkcePair, randomToken } from './pkce';
import { serverOrigin } from './serverAddress';
import { qualifiedAcct } from './qualifiedAcct';

export type MastodonSignInsOptions = {
  /** Where each server's app registration is kept (`mastodon-app:<origin>`). */
  secrets: SecretStore;
  fetch: typeof fetch;
  now: () => number;
  /** Where the redirect listener binds; null: no listener, the person pastes the code (out of band). */
  loopback?: LoopbackPolicy | null;
  /** How long a sign-in waits for the person. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** The redirect's path, registered with each server (which compares it exactly; only a loopback port may differ). */
const CALLBACK_PATH = '/pieuvre/mastodon/callback';

type Pending = {
  http: MastodonHttp;
  app: AppRegistration;
  verifier: string;
  state: string;
  redirectUri: string;
  listener: LoopbackListener | null;
  /** Settles when the sign-in ends without a redirect: expired or cancelled. */
  ended: Promise<Redirect>;
  end: (why: SignInRefusal) => void;
  timer: ReturnType<typeof setTimeout>;
};

/**
 * Mastodon sign-ins (OAuth 2 authorization code with PKCE, https://docs.joinmastodon.org/spec/oauth/):
 * `start` registers Pieuvre on the server once, opens a one-shot loopback listener and gives the
 * address the app opens in the person's browser; `finish` waits for the redirect (or takes the
 * code the person pasted), exchanges it for a token and says who signed in. `start` also keeps an
 * out-of-band flow (outOfBandFlow.ts) whose code `finishOutOfBand` takes, in this process or a later one.
 */
export class MastodonSignIns implements BrowserSignIns {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly options: MastodonSignInsOptions) {}

  async start(server: string): Promise<PendingSignIn> {
    const origin = serverOrigin(server);
    const http = new MastodonHttp({ origin, accessToken: null, fetch: this.options.fetch, now: this.options.now });
    const state = randomToken();
    const policy = this.options.loopback === undefined ? DEFAULT_LOOPBACK : this.options.loopback;
    const listener = policy === null ? null : await LoopbackListener.open(policy, state, CALLBACK_PATH);
    try {
      const registered = policy === null ? [OUT_OF_BAND] : [`http://${policy.host.includes(':') ? `[${policy.host}]` : policy.host}${CALLBACK_PATH}`, OUT_OF_BAND];
      const app = await registeredApp(this.options.secrets, http, registered, AbortSignal.timeout(30_000)).catch((error: unknown) => {
        throw refusal(error, origin);
      });
      const outOfBandUrl = await this.keepOutOfBand(http, app);
      return { ...this.remember({ http, app, state, listener }), outOfBandUrl };
    } catch (error) {
      listener?.close();
      throw error;
    }
  }

  async finish(signInId: string, code?: string): Promise<SignedIn> {
    const pending = this.pending.get(signInId);
    if (!pending) throw new ApiFailure('not_found', 'This sign-in is over (it expired, was cancelled or already finished): start again.', 'expired');
    try {
      const redirect = code === undefined ? await this.waitForRedirect(pending) : pastedCode(code, pending.state);
      if (!('code' in redirect)) throw new ApiFailure('conflict', `The sign-in did not finish: ${redirect.detail}.`, redirect.error);
      return await this.signedIn(pending, redirect.code);
    } finally {
      this.forget(signInId);
    }
  }

  /** Finishes the server's out-of-band flow that a `start` kept (maybe in another process) with the code the server showed. */
  async finishOutOfBand(server: string, code: string): Promise<SignedIn> {
    const origin = serverOrigin(server);
    const flow = await takeOutOfBandFlow(this.options.secrets, origin, this.options.now());
    if (!flow) throw new ApiFailure('not_found', `No sign-in to ${origin} is waiting for a code (it expired or was finished): start again without the code.`, 'expired');
    const redirect = pastedCode(code, flow.state);
    if (!('code' in redirect)) throw new ApiFailure('conflict', `The sign-in did not finish: ${redirect.detail}.`, redirect.error);
    const http = new MastodonHttp({ origin, accessToken: null, fetch: this.options.fetch, now: this.options.now });
    return this.signedIn({ http, app: flow.app, verifier: flow.verifier, redirectUri: OUT_OF_BAND }, redirect.code);
  }

  cancel(signInId: string): void {
    this.pending.get(signInId)?.end('denied');
    this.forget(signInId);
  }

  close(): void {
    for (const signInId of [...this.pending.keys()]) this.cancel(signInId);
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** A second flow with the out-of-band redirect and its own verifier and state, kept for its time limit; its address. */
  private async keepOutOfBand(http: MastodonHttp, app: AppRegistration): Promise<string> {
    const { verifier, challenge } = pkcePair();
    const state = randomToken();
    await keepOutOfBandFlow(this.options.secrets, http.origin, { app, verifier, state, expiresAt: this.options.now() + this.timeoutMs });
    return authorizeAddress(http.origin, app, { redirectUri: OUT_OF_BAND, state, challenge });
  }

  private remember({ http, app, state, listener }: Pick<Pending, 'http' | 'app' | 'state' | 'listener'>): Omit<PendingSignIn, 'outOfBandUrl'> {
    const signInId = randomToken();
    const { verifier, challenge } = pkcePair();
    const timeoutMs = this.timeoutMs;
    const redirectUri = listener?.redirectUri ?? OUT_OF_BAND;
    let end: (why: SignInRefusal) => void = () => {};
    const ended = new Promise<Redirect>((resolve) => (end = (why) => resolve({ error: why === 'expired' ? 'expired' : 'denied', detail: why === 'expired' ? 'the time to sign in ran out' : 'the sign-in was cancelled' })));
    const timer = setTimeout(() => {
      end('expired');
      this.forget(signInId);
    }, timeoutMs);
    timer.unref();
    this.pending.set(signInId, { http, app, verifier, state, redirectUri, listener, ended, end, timer });
    return { signInId, authorizeUrl: authorizeAddress(http.origin, app, { redirectUri, state, challenge }), expiresAt: this.options.now() + timeoutMs };
  }

  private waitForRedirect(pending: Pending): Promise<Redirect> {
    if (pending.listener === null) throw new ApiFailure('invalid_input', 'This sign-in takes the code the server showed: paste it.');
    return Promise.race([pending.listener.next(), pending.ended]);
  }

  private async signedIn(pending: Pick<Pending, 'http' | 'app' | 'verifier' | 'redirectUri'>, code: string): Promise<SignedIn> {
    const { http, app } = pending;
    const signal = AbortSignal.timeout(30_000);
    const response = await http
      .send({
        method: 'POST',
        path: '/oauth/token',
        body: { grant_type: 'authorization_code', code, client_id: app.clientId, client_secret: app.clientSecret, redirect_uri: pending.redirectUri, code_verifier: pending.verifier, scope: app.scopes },
        signal,
      })
      .catch((error: unknown) => {
        throw refusal(error, http.origin);
      });
    const error = (response.body as { error?: unknown } | null)?.error;
    if (response.status === 401 || error === 'invalid_client') {
      await forgetApp(this.options.secrets, http.origin);
      throw new ApiFailure('conflict', `${http.origin} no longer knows Pieuvre’s registration: start the sign-in again.`, 'expired');
    }
    if (error === 'access_denied') throw new ApiFailure('conflict', `${http.origin} refused the sign-in.`, 'denied');
    const token = tokenSchema.safeParse(response.body);
    if (response.status !== 200 || !token.success) throw new ApiFailure('conflict', `${http.origin} did not accept the sign-in code (${response.status}${typeof error === 'string' ? `: ${error}` : ''}); it may have expired: start again.`, 'expired');
    const accessToken = token.data.access_token;
    const account = await verifyCredentials(new MastodonHttp({ origin: http.origin, accessToken, fetch: this.options.fetch, now: this.options.now }), signal).catch((failure: unknown) => {
      throw refusal(failure, http.origin);
    });
    const handle = qualifiedAcct(account.acct, accountHost(account, http.origin));
    return {
      platform: 'mastodon',
      // Global, never the server's own id for the account.
      externalId: account.uri ?? account.url ?? handle,
      handle,
      name: account.display_name || account.username || handle,
      server: http.origin,
      secret: encodeMastodonSecret({ server: http.origin, accessToken }),
    };
  }

  private forget(signInId: string): void {
    const pending = this.pending.get(signInId);
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.listener?.close();
    this.pending.delete(signInId);
  }
}

/** The server's sign-in page for one flow: PKCE (S256) and the state the redirect must bring back. */
function authorizeAddress(origin: string, app: AppRegistration, flow: { redirectUri: string; state: string; challenge: string }): string {
  const authorize = new URL('/oauth/authorize', origin);
  authorize.search = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: flow.redirectUri,
    response_type: 'code',
    scope: app.scopes,
    state: flow.state,
    code_challenge: flow.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return authorize.toString();
}

/** A pasted code, or the whole address the browser ended on (its `state` is checked then). */
function pastedCode(pasted: string, state: string): Redirect {
  const text = pasted.trim();
  if (!/^https?:\/\//i.test(text)) return { code: text };
  const params = new URL(text).searchParams;
  if (params.get('state') !== state) return { error: 'state_mismatch', detail: 'the pasted address’s state is not the one this sign-in sent' };
  const code = params.get('code');
  return code ? { code } : { error: 'denied', detail: params.get('error') ?? 'the pasted address carried no code' };
}

/** Why the server could not be used, in the words and key the person is shown. */
function refusal(error: unknown, origin: string): ApiFailure {
  if (error instanceof ApiFailure) return error;
  if (error instanceof ConnectorError) {
    if (error.kind === 'offline' || error.kind === 'transient') return new ApiFailure('unavailable', `${origin} cannot be reached: ${error.message}`, 'server_unreachable');
    if (error.kind === 'rate_limited') return new ApiFailure('unavailable', `${origin} asks to wait before signing in again.`, 'rate_limited');
    if (error.kind === 'auth') return new ApiFailure('conflict', `${origin} refused the sign-in.`, 'denied');
    return new ApiFailure('invalid_input', `${origin} does not answer like a Mastodon server: ${error.message}`, 'not_a_server');
  }
  // An answer that is not Mastodon's (zod) or a bug: the address is not a server Pieuvre can use.
  return new ApiFailure('invalid_input', `${origin} does not answer like a Mastodon server.`, 'not_a_server');
}
