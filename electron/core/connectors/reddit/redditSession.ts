import { ConnectorError } from '../connector';
import type { OAuthTokens } from '../oauth/oauthProvider';
import { encodeRedditSecret, type RedditSecret } from './redditSecret';

/** Renewed this long before it expires, so that no call starts with a token about to lapse (Reddit's last an hour). */
const REFRESH_MARGIN_MS = 5 * 60_000;

export type RedditSessionOptions = {
  secret: RedditSecret;
  now: () => number;
  /** The token endpoint's answer to a refresh grant (a revoked grant throws ConnectorError 'auth'). */
  refresh: (refreshToken: string, signal: AbortSignal) => Promise<OAuthTokens>;
  /** Stores the renewed secret before the connector uses it: a crash right after still has a token that works. */
  saveSecret: (secret: string) => Promise<void>;
};

/**
 * The account's access token, renewed with its permanent refresh token before it expires or
 * when Reddit answers 401 anyway (a token revoked early). One renewal at a time: parallel calls
 * wait for the same one. Without a refresh token (a password sign-in) an expired token means
 * signing in again.
 */
export class RedditSession {
  private secret: RedditSecret;
  private renewing: Promise<string> | null = null;

  constructor(private readonly options: RedditSessionOptions) {
    this.secret = options.secret;
  }

  async accessToken(signal: AbortSignal): Promise<string> {
    const { expiresAt } = this.secret;
    if (expiresAt === null || expiresAt - this.options.now() > REFRESH_MARGIN_MS) return this.secret.accessToken;
    return this.renew(this.secret.accessToken, signal);
  }

  /** After a 401 with `rejected`: a new token, unless another call already renewed it. */
  async renew(rejected: string, signal: AbortSignal): Promise<string> {
    if (this.secret.accessToken !== rejected) return this.secret.accessToken;
    this.renewing ??= this.refreshNow(signal).finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async refreshNow(signal: AbortSignal): Promise<string> {
    const { refreshToken } = this.secret;
    if (refreshToken === null) throw new ConnectorError('The Reddit sign-in has expired (a password sign-in lasts an hour): sign in again.', 'auth');
    const tokens = await this.options.refresh(refreshToken, signal);
    const renewed: RedditSecret = {
      ...this.secret,
      accessToken: tokens.accessToken,
      // Reddit keeps a permanent refresh token unchanged; a server that rotates it is followed.
      refreshToken: tokens.refreshToken ?? refreshToken,
      expiresAt: tokens.expiresAt,
      scope: tokens.scope ?? this.secret.scope,
    };
    await this.options.saveSecret(encodeRedditSecret(renewed));
    this.secret = renewed;
    return renewed.accessToken;
  }
}
