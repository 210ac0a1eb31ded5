import type { OAuthTokens } from '../oauth/oauthProvider';
import { ConnectorError } from '../connector';
import { encodeXSecret, type XSecret } from './xSecret';

/** Refreshed this long before X says the access token ends (two hours after it was given). */
const REFRESH_AHEAD_MS = 5 * 60_000;

export type XTokenDeps = {
  /** Exchanges the refresh token at X's token endpoint (the shared `refreshOAuthTokens`); throws ConnectorError 'auth' when X refuses it. */
  refresh: (refreshToken: string, signal: AbortSignal) => Promise<OAuthTokens>;
  saveSecret: (secret: string) => Promise<void>;
  now: () => number;
};

/**
 * The account's access token, renewed before it ends and after X refuses it. X replaces the
 * refresh token at each refresh (the old one stops working), so the new pair is saved before
 * the new access token is used: a crash right after cannot leave only a dead token stored.
 * One refresh at a time: two calls refreshing at once would burn the same refresh token twice.
 */
export class XTokens {
  private refreshing: Promise<string> | null = null;

  constructor(
    private secret: XSecret,
    private readonly deps: XTokenDeps,
  ) {}

  get userId(): string {
    return this.secret.userId;
  }

  get username(): string {
    return this.secret.username;
  }

  async accessToken(signal: AbortSignal): Promise<string> {
    const { expiresAt, accessToken } = this.secret;
    if (expiresAt !== null && expiresAt - this.deps.now() < REFRESH_AHEAD_MS && this.secret.refreshToken !== null) return this.refresh(signal);
    return accessToken;
  }

  /** A new access token, once for everyone waiting; `rejected` is the token X just refused (another call may have replaced it already). */
  refresh(signal: AbortSignal, rejected?: string): Promise<string> {
    if (rejected !== undefined && rejected !== this.secret.accessToken) return Promise.resolve(this.secret.accessToken);
    this.refreshing ??= this.renew(signal).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async renew(signal: AbortSignal): Promise<string> {
    const { refreshToken } = this.secret;
    if (refreshToken === null) throw new ConnectorError('X’s sign-in has ended and gave no way to renew it: reconnect the account.', 'auth');
    const tokens = await this.deps.refresh(refreshToken, signal);
    const next: XSecret = { ...this.secret, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? refreshToken, expiresAt: tokens.expiresAt };
    await this.deps.saveSecret(encodeXSecret(next));
    this.secret = next;
    return next.accessToken;
  }
}
