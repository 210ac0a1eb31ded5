import { createHash, randomBytes } from 'node:crypto';
import { consentAndRedirect } from '../../../testing/contractServer';
import type { RecordedRequest, RecordedResponse } from '../../../testing/recordedServer';

/** An access token the server gave, whose it is and until when (epoch ms). */
export type IssuedToken = { userId: string; expiresAt: number; scopes: readonly string[] };

/**
 * X's OAuth 2.0 authorization code flow with PKCE for a public client, as
 * docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code describes it: the consent
 * page at `/i/oauth2/authorize` (exact redirect match, S256 or plain challenge), the token
 * endpoint at `/2/oauth2/token` (form body with `client_id`, no secret), access tokens of two
 * hours and single-use refresh tokens (`offline.access`). Errors as X sends them: 400
 * `invalid_request` "Value passed for the authorization code was invalid." / "…for the token…".
 */
export class XContractOAuth {
  readonly tokens = new Map<string, IssuedToken>();
  private readonly codes = new Map<string, { challenge: string; method: string; redirectUri: string; scopes: string[]; userId: string }>();
  private readonly refreshTokens = new Map<string, { userId: string; scopes: string[] }>();

  constructor(private readonly options: { clientId: string; redirectUri: string; userId: string; now: () => number; accessTtlMs: number }) {}

  /** A token pair as a finished sign-in would hold it (tests that start signed in). */
  issue(scopes: readonly string[] = ALL_SCOPES): { accessToken: string; refreshToken: string; expiresAt: number } {
    const accessToken = `xat-${randomBytes(12).toString('hex')}`;
    const refreshToken = `xrt-${randomBytes(12).toString('hex')}`;
    const expiresAt = this.options.now() + this.options.accessTtlMs;
    this.tokens.set(accessToken, { userId: this.options.userId, expiresAt, scopes });
    this.refreshTokens.set(refreshToken, { userId: this.options.userId, scopes: [...scopes] });
    return { accessToken, refreshToken, expiresAt };
  }

  /** The person took access back (or X revoked it): every token and refresh token stops working. */
  revokeAll(): void {
    this.tokens.clear();
    this.refreshTokens.clear();
  }

  authorize(request: RecordedRequest): RecordedResponse {
    const query = request.query;
    if (query.get('client_id') !== this.options.clientId) return { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<p>Something went wrong. You weren’t able to give access to the App.</p>' };
    if (query.get('redirect_uri') !== this.options.redirectUri) return { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<p>Something went wrong. The redirect_uri does not match a callback URL of the App.</p>' };
    const challenge = query.get('code_challenge');
    const method = query.get('code_challenge_method') ?? 'plain';
    if (query.get('response_type') !== 'code' || !challenge || !['S256', 'plain'].includes(method) || !query.get('scope')) return { status: 400, body: { error: 'invalid_request' } };
    const code = `xcode-${randomBytes(8).toString('hex')}`;
    this.codes.set(code, { challenge, method, redirectUri: this.options.redirectUri, scopes: query.get('scope')!.split(' '), userId: this.options.userId });
    return consentAndRedirect(request, code);
  }

  token(request: RecordedRequest): RecordedResponse {
    const form = (request.body ?? {}) as Record<string, string | undefined>;
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return invalid('Missing required parameter [grant_type].');
    if (form.client_id !== this.options.clientId) return { status: 401, body: { error: 'unauthorized_client', error_description: 'Missing valid authorization header' } };
    if (form.grant_type === 'authorization_code') {
      const pending = form.code === undefined ? undefined : this.codes.get(form.code);
      if (form.code !== undefined) this.codes.delete(form.code);
      if (!pending || pending.redirectUri !== form.redirect_uri || !matches(pending, form.code_verifier)) return invalid('Value passed for the authorization code was invalid.');
      return this.answer(pending.scopes);
    }
    if (form.grant_type === 'refresh_token') {
      const known = form.refresh_token === undefined ? undefined : this.refreshTokens.get(form.refresh_token);
      if (!known) return invalid('Value passed for the token was invalid.');
      // Single use: the old refresh token stops working once it gave a new pair.
      this.refreshTokens.delete(form.refresh_token!);
      return this.answer(known.scopes);
    }
    return invalid('Value passed for the grant_type was invalid.');
  }

  private answer(scopes: readonly string[]): RecordedResponse {
    const issued = this.issue(scopes);
    const body: Record<string, unknown> = { token_type: 'bearer', expires_in: Math.round(this.options.accessTtlMs / 1000), access_token: issued.accessToken, scope: scopes.join(' ') };
    if (scopes.includes('offline.access')) body.refresh_token = issued.refreshToken;
    else this.refreshTokens.delete(issued.refreshToken);
    return { status: 200, body };
  }
}

export const ALL_SCOPES = ['tweet.read', 'tweet.write', 'tweet.moderate.write', 'users.read', 'dm.read', 'dm.write', 'mute.write', 'offline.access'] as const;

const invalid = (description: string): RecordedResponse => ({ status: 400, body: { error: 'invalid_request', error_description: description } });

function matches(pending: { challenge: string; method: string }, verifier: string | undefined): boolean {
  if (!verifier) return false;
  return pending.method === 'plain' ? verifier === pending.challenge : createHash('sha256').update(verifier).digest('base64url') === pending.challenge;
}
