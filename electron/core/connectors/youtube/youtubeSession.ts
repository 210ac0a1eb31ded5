import { ConnectorError } from '../connector';
import type { OAuthTokens } from '../oauth/oauthProvider';
import { refreshedSecret, encodeYoutubeSecret, type YoutubeSecret } from './youtubeSecret';

/** Refreshed this long before Google's expiry, so that a slow call never carries a token that dies on the way. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export type RefreshTokens = (refreshToken: string, signal: AbortSignal) => Promise<OAuthTokens>;

/**
 * The account's tokens: renewed before they expire, and once more when Google answers 401 all the
 * same (a token revoked early). The new secret is saved before it is used, so that a crash never
 * leaves the store with a token Google no longer takes. One refresh at a time.
 */
export class YoutubeSession {
  private refreshing: Promise<void> | null = null;

  constructor(
    private secret: YoutubeSecret,
    private readonly options: { refresh: RefreshTokens; saveSecret: (secret: string) => Promise<void>; now: () => number },
  ) {}

  get channelId(): string {
    return this.secret.channelId;
  }

  async accessToken(signal: AbortSignal): Promise<string> {
    const { expiresAt } = this.secret;
    if (expiresAt !== null && expiresAt - REFRESH_MARGIN_MS <= this.options.now()) await this.refresh(signal);
    return this.secret.accessToken;
  }

  /** Google refused the token: a new one, or ConnectorError `auth` when there is no way to get one. */
  async refresh(signal: AbortSignal): Promise<void> {
    this.refreshing ??= this.renew(signal).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async renew(signal: AbortSignal): Promise<void> {
    const { refreshToken } = this.secret;
    if (refreshToken === null) throw new ConnectorError('Google refused the YouTube token and Pieuvre holds no refresh token: sign in again.', 'auth');
    const next = refreshedSecret(this.secret, await this.options.refresh(refreshToken, signal));
    await this.options.saveSecret(encodeYoutubeSecret(next));
    this.secret = next;
  }
}
