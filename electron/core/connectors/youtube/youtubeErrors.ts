import { ConnectorError } from '../connector';
import { retryAfterMs } from '../mastodon/mastodonHttp';
import { errorBodySchema } from './youtubeEntities';

/** Google's reasons (`error.errors[].reason`) in words a community manager understands, from each method's Errors table. */
const REASONS: Readonly<Record<string, string>> = {
  commentsDisabled: 'comments are turned off on this video',
  commentTextTooLong: 'the reply is too long for YouTube',
  commentTextRequired: 'the reply is empty',
  operationNotSupported: 'YouTube does not let this channel answer or moderate this comment',
  parentCommentIsPrivate: 'the comment answered is private, and YouTube does not take replies to private comments',
  ineligibleAccount: 'the channel’s YouTube account must be merged with its Google account to comment through the API',
  processingFailure: 'YouTube could not process the request (usually something in it is not valid)',
  banWithoutReject: 'YouTube bans an author only together with rejecting the comment',
  forbidden: 'YouTube refused: the channel is not allowed to do this',
  insufficientPermissions: 'the sign-in does not allow managing comments',
  commentNotFound: 'the comment is no longer on YouTube',
  parentCommentNotFound: 'the comment answered is no longer on YouTube',
  videoNotFound: 'the video is no longer on YouTube',
  channelNotFound: 'the channel is not on YouTube',
  invalidPageToken: 'YouTube no longer takes the page position it gave',
};

export type YoutubeFailure = { status: number; reason: string | null; message: string };

/** What Google's error body says: its first reason and its message (kept short). */
export function readFailure(status: number, body: unknown): YoutubeFailure {
  const parsed = errorBodySchema.safeParse(body);
  const reason = parsed.success ? (parsed.data.error.errors?.find((each) => each.reason)?.reason ?? null) : null;
  const message = parsed.success ? (parsed.data.error.message ?? '') : typeof body === 'string' ? body : '';
  return { status, reason, message: message.replace(/<[^>]*>/g, '').slice(0, 200) };
}

/**
 * The ConnectorError a Google answer means: quota gone is a pause until the quota returns
 * (`untilQuotaResets`), a per-minute limit a shorter one, 401 a token to renew (the caller has
 * tried), 5xx a retry, 404 gone, and Google's refusals a permanent failure named in words.
 */
export function youtubeError(what: string, failure: YoutubeFailure, headers: Headers, now: number, untilQuotaResets: () => number): ConnectorError {
  const { status, reason } = failure;
  const said = `${what}: ${status}${reason ? ` ${reason}` : ''}${failure.message ? ` (${failure.message})` : ''}`;
  if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded') {
    return new ConnectorError(`${said}: the project's daily YouTube quota is used up until midnight Pacific time.`, 'rate_limited', untilQuotaResets());
  }
  if (status === 429 || reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded') {
    return new ConnectorError(`${said}: YouTube asks to slow down.`, 'rate_limited', retryAfterMs(headers, now) ?? 60_000);
  }
  if (status === 401 || reason === 'insufficientPermissions' || reason === 'authError') return new ConnectorError(`${said}: Google refused the account's sign-in; reconnect it.`, 'auth');
  if (status >= 500) return new ConnectorError(said, 'transient', retryAfterMs(headers, now));
  if (status === 404) return new ConnectorError(`${said}${reason && REASONS[reason] ? `: ${REASONS[reason]}` : ''}.`, 'not_found');
  const words = reason ? REASONS[reason] : undefined;
  return new ConnectorError(words ? `YouTube refused: ${words} (${said}).` : `YouTube refused: ${said}.`, 'permanent');
}

