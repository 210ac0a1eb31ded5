import { ConnectorError, type PlatformAppCredentials } from '../connector';
import { networkFailure } from '../networkFailure';
import type { OAuthTokens } from '../oauth/oauthProvider';
import { tokenSchema } from './redditEntities';

const TIMEOUT_MS = 30_000;

export type TokenDeps = { fetch: typeof fetch; signal: AbortSignal; now: () => number; userAgent: string };

/**
 * The password grant at Reddit's token endpoint, as its OAuth2 page describes it: a form, the
 * script app in HTTP Basic. Not the shared oauthTokens.ts (which the code and refresh grants go
 * through): Reddit answers a wrong password with status 200 and `{"error": "invalid_grant"}`,
 * which a standard client reads as a malformed answer rather than a refusal. The body decides.
 */
export async function requestToken(endpoint: string, app: PlatformAppCredentials, form: Record<string, string>, deps: TokenDeps): Promise<OAuthTokens> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  let response: Response;
  try {
    response = await deps.fetch(endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret ?? ''}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': deps.userAgent,
        accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.any([deps.signal, timeout]),
    });
  } catch (error) {
    throw networkFailure(error, deps.signal, timeout, 'Reddit');
  }
  const body = (await response.json().catch(() => null)) as unknown;
  const error = (body as { error?: unknown } | null)?.error;
  if (response.status === 401 || error === 401) throw new ConnectorError('Reddit refused the app’s client id (or its secret): check the app in Settings.', 'auth');
  if (error === 'invalid_grant') throw new ConnectorError('Reddit no longer accepts this sign-in (revoked, or the password was wrong): sign in again.', 'auth');
  if (response.status === 429) throw new ConnectorError('Reddit’s sign-in is rate limited: try again in a minute.', 'rate_limited', 60_000);
  if (response.status >= 500) throw new ConnectorError(`Reddit’s token endpoint failed (${response.status}).`, 'transient');
  const tokens = tokenSchema.safeParse(body);
  if (!tokens.success) throw new ConnectorError(`Reddit’s token endpoint refused the sign-in (${typeof error === 'string' ? error.slice(0, 80) : response.status}).`, 'permanent');
  const { access_token, refresh_token, expires_in, scope } = tokens.data;
  return { accessToken: access_token, refreshToken: refresh_token ?? null, expiresAt: deps.now() + expires_in * 1000, scope: scope ?? null };
}
