import { RefreshingToken, renewedSecret, type RefreshingTokenOptions } from '../oauth/refreshingToken';
import { encodeRedditSecret, type RedditSecret } from './redditSecret';

/** A Reddit account's token: an hour long, renewed with the permanent refresh token (a password sign-in has none). */
export type RedditSession = RefreshingToken<RedditSecret>;

/** The account's token, its renewals stored with the scope Reddit granted (kept when a refresh does not say). */
export function redditSession(options: Pick<RefreshingTokenOptions<RedditSecret>, 'secret' | 'now' | 'refresh' | 'saveSecret'>): RedditSession {
  return new RefreshingToken({
    ...options,
    encode: encodeRedditSecret,
    renewed: (secret, tokens) => ({ ...renewedSecret(secret, tokens), scope: tokens.scope ?? secret.scope }),
    endedWithoutRefresh: 'The Reddit sign-in has expired (a password sign-in lasts an hour): sign in again.',
  });
}
