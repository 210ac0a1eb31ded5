import type { ReplyLimits } from '../connectors/connector';
import { measureExactly, type ReplyMeasure } from '../../../shared/text/draftLength';
import { twitterLengthBounds } from '../../../shared/text/twitterLengthBounds';
import { twitterLinkEndings, twitterWeightedLength } from './twitterLength';

/** Up to this many UTF-16 units, X's count is measured exactly: twitter-text takes a few milliseconds at most there (bench). */
const EXACT_UP_TO_UNITS = 2_000;

/**
 * A text's length the way a platform counts it against `max`. Characters are counted in one
 * pass, graphemes up to one past `max`; X's weighted length is measured by twitter-text only
 * when its bounds leave the verdict open (see `twitterLengthBounds`), since that measure can
 * take seconds.
 *
 * What is still measured: a text whose code points weigh within 23 a link ending of `max`
 * (or that links may shorten below it), so its verdict hangs on which of its possible links X
 * counts. The worker keeps that short: twitter-text's link search, quadratic on a long word,
 * is tried only where a link may start (see `twitterLength.ts`); the worst such words, sized
 * to X's DM limit, are timed in `scripts/bench/lengthBench.ts`.
 */
export function measureReply(text: string, unit: ReplyLimits['lengthUnit'], max: number): ReplyMeasure {
  if (unit !== 'twitter-weighted') return measureExactly(text, unit, max);
  const bounds = twitterLengthBounds(text, twitterLinkEndings());
  const isExact = bounds.min === bounds.max;
  if (isExact || bounds.min > max) return { length: bounds.min, isAtLeast: !isExact, isAtMost: false };
  // A reply of a few tweets' length is measured outright, in a few milliseconds whatever it
  // holds: a person answering on X sees X's own count, not a bound.
  if (bounds.max <= max && text.length > EXACT_UP_TO_UNITS) return { length: bounds.max, isAtLeast: false, isAtMost: true };
  // X's own counting (links 23, emoji and CJK 2), from its maintained library.
  return { length: twitterWeightedLength(text), isAtLeast: false, isAtMost: false };
}
