import * as oauth from 'oauth4webapi';
import type { PendingOAuthSignIn } from '../../../../shared/api/accounts';
import { ApiFailure } from '../../../../shared/api/result';
import { PLATFORM_NAMES, type OAuthPlatform } from '../../../../shared/domain/platform';
import { ConnectorError, type PlatformAppCredentials } from '../connector';
import type { SignedIn } from '../signIn';
import { DEFAULT_LOOPBACK, LoopbackListener, type LoopbackPolicy, type Redirect } from './loopbackListener';
import type { OAuthProvider } from './oauthProvider';
import { exchangeCode } from './oauthTokens';

export type OAuthSignInsOptions = {
  providers: Partial<Record<OAuthPlatform, OAuthProvider>>;
  /** The person's own app on each platform (client id, and secret where there is one). */
  apps: (platform: OAuthPlatform) => Promise<PlatformAppCredentials | null>;
  fetch: typeof fetch;
  now: () => number;
  /** Where redirect listeners bind (127.0.0.1); a provider's fixed port wins over this policy's. */
  loopback?: LoopbackPolicy;
  /** How long a sign-in waits for the person. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
/** However slow the platform, turning a code into accounts ends by then with a clear refusal. */
const EXCHANGE_TIMEOUT_MS = 60_000;

type Pending = {
  provider: OAuthProvider;
  app: PlatformAppCredentials;
  state: string;
  verifier: string | null;
  listener: LoopbackListener;
  ended: Promise<Redirect>;
  end: (redirect: Redirect) => void;
  timer: ReturnType<typeof setTimeout>;
};

/**
 * The wave-2 platforms' sign-in (OAuth 2 authorization code, with PKCE where the platform takes
 * it, RFC 8252's loopback redirect): `start` opens a one-shot listener on 127.0.0.1 and gives the
 * address the app opens in the person's browser; `finish` waits for the redirect (or takes the
 * code the person pasted), exchanges it at the platform's token endpoint and asks the platform's
 * provider which accounts the tokens give. Nothing is stored here: the accounts service keeps
 * each account's secret.
 */
export class OAuthSignIns {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly options: OAuthSignInsOptions) {}

  /** The address to register in the person's app on the platform (its port is fixed where the platform demands an exact match). */
  redirectUri(platform: OAuthPlatform): string {
    const provider = this.provider(platform);
    const policy = this.options.loopback ?? DEFAULT_LOOPBACK;
    return `http://${policy.host}${provider.redirect.port === 0 ? '' : `:${provider.redirect.port}`}${provider.redirect.path}`;
  }

  async start(platform: OAuthPlatform): Promise<PendingOAuthSignIn> {
    const provider = this.provider(platform);
    const app = await this.options.apps(platform);
    if (!app) throw new ApiFailure('invalid_input', `Set up your ${PLATFORM_NAMES[platform]} app first: Pieuvre needs its client id to sign you in.`, 'app_not_set');
    const state = oauth.generateRandomState();
    const verifier = provider.usesPkce ? oauth.generateRandomCodeVerifier() : null;
    const policy = this.options.loopback ?? DEFAULT_LOOPBACK;
    const listener = await LoopbackListener.open({ host: policy.host, port: provider.redirect.port || policy.port }, state, provider.redirect.path).catch((error: unknown) => {
      throw new ApiFailure('conflict', `Pieuvre could not listen for the sign-in on ${this.redirectUri(platform)} (${error instanceof Error ? error.message : String(error)}). Close what uses that port, or try again.`, 'server_unreachable');
    });
    const authorizeUrl = new URL(provider.authorizationEndpoint);
    authorizeUrl.search = new URLSearchParams({
      client_id: app.clientId,
      redirect_uri: listener.redirectUri,
      response_type: 'code',
      scope: provider.scopes.join(provider.scopeSeparator),
      state,
      ...(verifier === null ? {} : { code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' }),
      ...provider.extraAuthorizationParams,
    }).toString();

    const signInId = oauth.generateRandomState();
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let end: (redirect: Redirect) => void = () => {};
    const ended = new Promise<Redirect>((resolve) => (end = resolve));
    const timer = setTimeout(() => {
      end({ error: 'expired', detail: 'the time to sign in ran out' });
      this.forget(signInId);
    }, timeoutMs);
    timer.unref();
    this.pending.set(signInId, { provider, app, state, verifier, listener, ended, end, timer });
    return { signInId, platform, authorizeUrl: authorizeUrl.toString(), redirectUri: listener.redirectUri, expiresAt: this.options.now() + timeoutMs };
  }

  /** Waits for the browser's redirect (or takes the pasted code), then says which accounts signed in. */
  async finish(signInId: string, code?: string): Promise<SignedIn[]> {
    const pending = this.pending.get(signInId);
    if (!pending) throw new ApiFailure('not_found', 'This sign-in is over (it expired, was cancelled or already finished): start again.', 'expired');
    try {
      const redirect = code === undefined ? await Promise.race([pending.listener.next(), pending.ended]) : { code };
      if (!('code' in redirect)) throw new ApiFailure('conflict', `The sign-in did not finish: ${redirect.detail}.`, redirect.error);
      return await this.accountsFor(pending, redirect.code);
    } finally {
      this.forget(signInId);
    }
  }

  cancel(signInId: string): void {
    this.pending.get(signInId)?.end({ error: 'denied', detail: 'the sign-in was cancelled' });
    this.forget(signInId);
  }

  /** Whether this id is one of this runner's sign-ins (the accounts service also has Mastodon's). */
  has(signInId: string): boolean {
    return this.pending.has(signInId);
  }

  close(): void {
    for (const signInId of [...this.pending.keys()]) this.cancel(signInId);
  }

  private provider(platform: OAuthPlatform): OAuthProvider {
    const provider = this.options.providers[platform];
    if (!provider) throw new ApiFailure('unavailable', `Connecting ${PLATFORM_NAMES[platform]} accounts is not available in this build.`);
    return provider;
  }

  private async accountsFor(pending: Pending, code: string): Promise<SignedIn[]> {
    const context = { fetch: this.options.fetch, signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS), now: this.options.now };
    try {
      const tokens = await exchangeCode(pending.provider, pending.app, { code, state: pending.state, redirectUri: pending.listener.redirectUri, codeVerifier: pending.verifier }, context);
      const accounts = await pending.provider.signedIn(tokens, { ...context, app: pending.app });
      if (accounts.length === 0) throw new ApiFailure('not_found', `This ${PLATFORM_NAMES[pending.provider.platform]} sign-in gives no account Pieuvre can manage.`, 'unknown_account');
      return accounts;
    } catch (error) {
      throw signInRefusal(error);
    }
  }

  private forget(signInId: string): void {
    const pending = this.pending.get(signInId);
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.listener.close();
    this.pending.delete(signInId);
  }
}

/**
 * A platform's refusal as the person's reason (`SIGN_IN_REFUSALS`), the platform's words kept in
 * the message. After the browser's consent, what the platform answers is its refusal, not the
 * person's ("denied") nor the network's: Meta answers a wrong app secret with its code 1, which
 * reads as a passing problem, and Google with `invalid_client`; both name what was wrong.
 */
export function signInRefusal(error: unknown): unknown {
  if (!(error instanceof ConnectorError)) return error;
  if (error.kind === 'rate_limited') return new ApiFailure('unavailable', error.message, 'rate_limited');
  if (error.kind === 'offline') return new ApiFailure('unavailable', error.message, 'server_unreachable');
  return new ApiFailure('conflict', error.message, 'platform_refused');
}
