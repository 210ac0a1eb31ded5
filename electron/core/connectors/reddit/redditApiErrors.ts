import { ConnectorError } from '../connector';

/** One of `json.errors`: the code, Reddit's sentence, and the field it is about. */
export type RedditApiError = readonly [code: string, sentence: string, field: string | null, ...rest: unknown[]];

/** What each refusal means for the person, where Reddit's own sentence would not say it plainly. */
const REFUSALS: Readonly<Record<string, { kind: ConnectorError['kind']; words: string }>> = {
  THREAD_LOCKED: { kind: 'permanent', words: 'the thread is locked: only its moderators can comment.' },
  TOO_OLD: { kind: 'permanent', words: 'the post is archived: it no longer takes comments.' },
  DELETED_COMMENT: { kind: 'not_found', words: 'the comment was deleted and cannot be answered.' },
  USER_BLOCKED: { kind: 'permanent', words: 'the account has blocked this person: unblock them on Reddit to answer.' },
  // Reddit's sentence says "try again later"; the reference says the author blocked the account.
  SOMETHING_IS_BROKEN: { kind: 'permanent', words: 'the author has blocked this account, so it cannot answer them.' },
  NO_TEXT: { kind: 'permanent', words: 'the reply is empty.' },
  TOO_LONG: { kind: 'permanent', words: 'the reply is longer than Reddit allows.' },
  SUBREDDIT_OUTBOUND_LINKING_DISALLOWED: { kind: 'permanent', words: 'this community does not allow links to other communities.' },
  SUBREDDIT_LINKING_DISALLOWED: { kind: 'permanent', words: 'this community cannot be linked to.' },
  USER_REQUIRED: { kind: 'auth', words: 'Reddit did not recognise the signed-in account: sign in again.' },
};

/**
 * The ConnectorError a non-empty `json.errors` means: `RATELIMIT` waits as long as its sentence
 * says ("Take a break for 5 seconds", "try again in 9 minutes"); the rest are refusals named in
 * words a person understands, Reddit's code kept for the log.
 */
export function apiError(errors: readonly RedditApiError[], what: string): ConnectorError {
  const [code, sentence] = errors[0] ?? ['UNKNOWN', 'no reason given', null];
  if (code === 'RATELIMIT') return new ConnectorError(`Reddit is limiting how often this account can ${what}: ${sentence}`, 'rate_limited', waitFrom(sentence));
  const known = REFUSALS[code];
  if (known) return new ConnectorError(`Reddit refused to ${what}: ${known.words} (${code})`, known.kind);
  return new ConnectorError(`Reddit refused to ${what}: ${sentence.slice(0, 200)} (${code})`, 'permanent');
}

/** "5 seconds", "9 minutes", "1 minute": how long, in ms; a minute when the sentence does not say. */
export function waitFrom(sentence: string): number {
  const match = /(\d+)\s*(milliseconds?|seconds?|minutes?|hours?)/iu.exec(sentence);
  if (!match) return 60_000;
  const unit = match[2]!.toLowerCase();
  const factor = unit.startsWith('milli') ? 1 : unit.startsWith('second') ? 1000 : unit.startsWith('minute') ? 60_000 : 3_600_000;
  return Number(match[1]) * factor;
}
