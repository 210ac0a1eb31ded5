import type { ReplyCheck } from '../api/replies';
import { twitterLengthBounds } from './twitterLengthBounds';

/**
 * A text's length as its platform counts it. Not measured in full when a bound decides:
 * `isAtLeast`, only a minimum, already over the limit; `isAtMost`, only a maximum, within it.
 */
export type ReplyMeasure = { length: number; isAtLeast: boolean; isAtMost: boolean };

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;
/** Matches nothing: where X's link endings are not known (the renderer), no word is taken for a link. */
const NO_LINK_ENDINGS = /(?!)/gu;

/** Code points: UTF-16 units less one per surrogate pair, without a string per character. */
const codePoints = (text: string): number => text.length - (text.match(ASTRAL)?.length ?? 0);

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** UTF-8 bytes without encoding the text: a surrogate pair is 4, a lone half the 3 of the U+FFFD it is sent as. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index += 1;
    } else bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
  }
  return bytes;
}

/** Segmenting costs about a microsecond a grapheme: it stops one past the limit. */
function graphemesUpTo(text: string, max: number): ReplyMeasure {
  const segments = graphemes.segment(text)[Symbol.iterator]();
  let count = 0;
  while (!segments.next().done) if (++count > max) return { length: count, isAtLeast: true, isAtMost: false };
  return { length: count, isAtLeast: false, isAtMost: false };
}

/** The units counted exactly in one pass, the same in the core and in the renderer. */
export function measureExactly(text: string, unit: Exclude<ReplyCheck['lengthUnit'], 'twitter-weighted'>, max: number): ReplyMeasure {
  switch (unit) {
    case 'characters':
      return { length: codePoints(text), isAtLeast: false, isAtMost: false };
    case 'graphemes':
      return graphemesUpTo(text, max);
    case 'utf8-bytes':
      return { length: utf8Bytes(text), isAtLeast: false, isAtMost: false };
  }
}

/**
 * The length the composer shows as each key is typed, before the core's check of the same text
 * answers. Exact but on X, where a link counts 23 whatever its length: the renderer has not
 * twitter-text's list of domain endings, so a link counts its characters here until the core's
 * exact count follows (a text without links or emoji is exact).
 */
export function measureAtOnce(text: string, unit: ReplyCheck['lengthUnit'], max: number): ReplyMeasure {
  if (unit !== 'twitter-weighted') return measureExactly(text, unit, max);
  return { length: twitterLengthBounds(text, NO_LINK_ENDINGS).max, isAtLeast: false, isAtMost: false };
}
