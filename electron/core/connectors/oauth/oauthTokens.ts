import * as oauth from 'oauth4webapi';
import { ConnectorError, type ConnectorIo, type PlatformAppCredentials } from '../connector';
import type { OAuthProvider, OAuthTokens } from './oauthProvider';

type TokenRequestContext = { fetch: typeof fetch; signal: AbortSignal; now: () => number };

/**
 * The token endpoint's side of a sign-in and of a refresh, through oauth4webapi (RFC 6749 as
 * written: it refuses a token answer that lacks what the standard requires). Plain HTTP is
 * allowed only for a loopback contract server.
 */
function endpoints(provider: OAuthProvider, app: PlatformAppCredentials, context: TokenRequestContext) {
  const as: oauth.AuthorizationServer = { issuer: new URL(provider.tokenEndpoint).origin, authorization_endpoint: provider.authorizationEndpoint, token_endpoint: provider.tokenEndpoint };
  const client: oauth.Client = { client_id: app.clientId };
  const options = {
    [oauth.customFetch]: context.fetch,
    [oauth.allowInsecureRequests]: provider.tokenEndpoint.startsWith('http://127.0.0.1:'),
    signal: context.signal,
  };
  return { as, client, options, auth: clientAuth(provider, app) };
}

function clientAuth(provider: OAuthProvider, app: PlatformAppCredentials): oauth.ClientAuth {
  if (provider.clientAuthentication === 'none') return oauth.None();
  const secret = app.clientSecret ?? '';
  return provider.clientAuthentication === 'client_secret_basic' ? basicAuth(secret) : oauth.ClientSecretPost(secret);
}

/**
 * HTTP Basic client authentication (RFC 6749 §2.3.1) written here rather than oauth4webapi's:
 * Reddit's installed apps have an empty secret, which the library refuses, and the library also
 * percent-encodes `-` and `_`, common in client ids, which servers that do not decode reject.
 * The WHATWG form encoding (URLSearchParams) leaves them as they are, as the RFC's form encoding does.
 */
function basicAuth(secret: string): oauth.ClientAuth {
  const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  return (_as, client, _body, headers) => headers.set('authorization', `Basic ${Buffer.from(`${encode(client.client_id)}:${encode(secret)}`).toString('base64')}`);
}

/** Exchanges the code the browser brought back (with its PKCE verifier) for tokens. */
export async function exchangeCode(
  provider: OAuthProvider,
  app: PlatformAppCredentials,
  request: { code: string; state: string; redirectUri: string; codeVerifier: string | null },
  context: TokenRequestContext,
): Promise<OAuthTokens> {
  if (provider.exchangeCode) return provider.exchangeCode(request, { ...context, app });
  const { as, client, options, auth } = endpoints(provider, app, context);
  const parameters = oauth.validateAuthResponse(as, client, new URLSearchParams({ code: request.code, state: request.state }), request.state);
  return tokensFrom(
    await answered(() =>
      oauth
        .authorizationCodeGrantRequest(as, client, auth, parameters, request.redirectUri, request.codeVerifier ?? oauth.nopkce, options)
        .then((response) => oauth.processAuthorizationCodeResponse(as, client, response)),
    ),
    null,
    context.now(),
  );
}

/**
 * A fresh access token from a refresh token. A platform that rotates refresh tokens (X) gives a
 * new one, which the caller must save before using the access token; one that does not (Google,
 * Reddit) keeps the old. A refused grant (revoked, expired) is the account's `auth` problem: the
 * person reconnects it; a network failure or a server error is retried like any other call.
 */
export async function refreshOAuthTokens(provider: OAuthProvider, app: PlatformAppCredentials, refreshToken: string, context: TokenRequestContext): Promise<OAuthTokens> {
  const { as, client, options, auth } = endpoints(provider, app, context);
  return tokensFrom(
    await answered(() => oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, options).then((response) => oauth.processRefreshTokenResponse(as, client, response))),
    refreshToken,
    context.now(),
  );
}

function tokensFrom(response: oauth.TokenEndpointResponse, previousRefreshToken: string | null, now: number): OAuthTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previousRefreshToken,
    expiresAt: response.expires_in === undefined ? null : now + response.expires_in * 1000,
    scope: response.scope ?? null,
  };
}

/** Runs one token request, turning what went wrong into the ConnectorError kind that decides what happens next. */
async function answered<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw tokenError(error);
  }
}

function tokenError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    const detail = `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
    if (error.status === 429) return new ConnectorError(`The platform is limiting sign-ins (${detail}).`, 'rate_limited', retryAfterMs(error.response));
    if (error.status >= 500) return new ConnectorError(`The platform's sign-in service failed (${detail}).`, 'transient');
    // invalid_grant: the refresh token was revoked or expired; invalid_client: the app's id or secret changed.
    return new ConnectorError(`The platform refused the sign-in (${detail}). Sign in again.`, 'auth');
  }
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    const status = (error.cause as { status?: unknown } | undefined)?.status;
    if (typeof status === 'number' && status >= 500) return new ConnectorError(`The platform's sign-in service failed (HTTP ${status}).`, 'transient');
    return new ConnectorError(`The platform's sign-in answer was not understood: ${error.message}`, 'permanent');
  }
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return new ConnectorError('The platform’s sign-in service did not answer in time.', 'transient');
  return new ConnectorError(`The platform's sign-in service could not be reached (${error instanceof Error ? error.message : String(error)}).`, 'offline');
}

function retryAfterMs(response: Response): number | null {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

/**
 * An account's refresh through the person's own app, as its connector's token keeper calls it.
 * The app's client id comes from Settings; removed there, only setting it again and reconnecting
 * helps, which `whenNoApp` tells the person in their platform's words.
 */
export function refreshThroughApp(provider: OAuthProvider, io: Pick<ConnectorIo, 'app' | 'fetch' | 'now'>, whenNoApp: string): (refreshToken: string, signal: AbortSignal) => Promise<OAuthTokens> {
  return (refreshToken, signal) => {
    if (io.app === null) return Promise.reject(new ConnectorError(whenNoApp, 'auth'));
    return refreshOAuthTokens(provider, io.app, refreshToken, { fetch: io.fetch, signal, now: io.now });
  };
}
