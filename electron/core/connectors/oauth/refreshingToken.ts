import { ConnectorError } from '../connector';
import type { OAuthTokens } from './oauthProvider';

/** Renewed this long before it expires, so that no call starts with a token about to lapse (X's and Reddit's last two hours and one, Google's one). */
const REFRESH_MARGIN_MS = 5 * 60_000;

/** What a stored OAuth secret holds of its tokens. */
export type TokenFields = { accessToken: string; refreshToken: string | null; expiresAt: number | null };

export type RefreshingTokenOptions<S extends TokenFields> = {
  secret: S;
  now: () => number;
  /** Exchanges the refresh token at the platform's token endpoint (`refreshOAuthTokens`); throws ConnectorError 'auth' when it is refused. */
  refresh: (refreshToken: string, signal: AbortSignal) => Promise<OAuthTokens>;
  /** Stores the renewed secret before it is used: a crash right after still has a token that works. */
  saveSecret: (secret: string) => Promise<void>;
  encode: (secret: S) => string;
  /** The secret with the new tokens, when the platform sends more than `renewedSecret` keeps (Reddit's scope). */
  renewed?: (secret: S, tokens: OAuthTokens) => S;
  /** Why the person must sign in again when the token ends and no refresh token came with it. */
  endedWithoutRefresh: string;
};

/** The secret with a refresh's tokens: a platform that keeps its refresh token (Reddit's permanent one, often Google's) sends none back. */
export const renewedSecret = <S extends TokenFields>(secret: S, tokens: OAuthTokens): S => ({
  ...secret,
  accessToken: tokens.accessToken,
  refreshToken: tokens.refreshToken ?? secret.refreshToken,
  expiresAt: tokens.expiresAt,
});

/**
 * An account's access token (X, YouTube, Reddit), renewed with its refresh token before it
 * expires and when the platform answers 401 anyway (a token revoked early). A platform that
 * rotates the refresh token (X) invalidates the old one, so the new secret is saved before the
 * new token is used. One renewal at a time: two calls refreshing at once would spend the same
 * refresh token twice.
 */
export class RefreshingToken<S extends TokenFields> {
  private current: S;
  private renewing: Promise<string> | null = null;

  constructor(private readonly options: RefreshingTokenOptions<S>) {
    this.current = options.secret;
  }

  /** The secret as last stored: the account's ids beside the tokens. */
  get secret(): S {
    return this.current;
  }

  async accessToken(signal: AbortSignal): Promise<string> {
    const { expiresAt, accessToken } = this.current;
    if (expiresAt === null || expiresAt - this.options.now() > REFRESH_MARGIN_MS) return accessToken;
    return this.renew(accessToken, signal);
  }

  /** After a 401 for `rejected`: a new token, unless another call already renewed it. */
  renew(rejected: string, signal: AbortSignal): Promise<string> {
    if (this.current.accessToken !== rejected) return Promise.resolve(this.current.accessToken);
    this.renewing ??= this.refreshNow(signal).finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async refreshNow(signal: AbortSignal): Promise<string> {
    const { refreshToken } = this.current;
    if (refreshToken === null) throw new ConnectorError(this.options.endedWithoutRefresh, 'auth');
    const tokens = await this.options.refresh(refreshToken, signal);
    const renewed = (this.options.renewed ?? renewedSecret)(this.current, tokens);
    await this.options.saveSecret(this.options.encode(renewed));
    this.current = renewed;
    return renewed.accessToken;
  }
}
