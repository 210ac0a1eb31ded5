import type { ReplyLimits } from '../connectors/connector';
import { twitterMinimumLength } from './twitterMinimumLength';
import { twitterLinkEndings, twitterWeightedLength } from './twitterLength';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;

/** Code points: UTF-16 units less one per surrogate pair, without a string per character. */
const codePoints = (text: string): number => text.length - (text.match(ASTRAL)?.length ?? 0);

/** Segmenting costs about a microsecond a grapheme: it stops one past the limit. */
function graphemesUpTo(text: string, max: number): ReplyMeasure {
  const segments = graphemes.segment(text)[Symbol.iterator]();
  let count = 0;
  while (!segments.next().done) if (++count > max) return { length: count, isAtLeast: true };
  return { length: count, isAtLeast: false };
}

/** A text's length as its platform counts it; `isAtLeast`: only a minimum, already over the limit, so not measured. */
export type ReplyMeasure = { length: number; isAtLeast: boolean };

/**
 * A text's length the way a platform counts it against `max`. Characters are counted in one
 * pass, graphemes up to one past `max`; X's weighted length is measured by twitter-text only
 * when the text could fit and holds a link or an emoji (see `twitterMinimumLength`), since
 * that measure can take seconds.
 */
export function measureReply(text: string, unit: ReplyLimits['lengthUnit'], max: number): ReplyMeasure {
  switch (unit) {
    case 'characters':
      return { length: codePoints(text), isAtLeast: false };
    case 'graphemes':
      return graphemesUpTo(text, max);
    case 'twitter-weighted': {
      const minimum = twitterMinimumLength(text, twitterLinkEndings());
      if (minimum.isExact || minimum.length > max) return { length: minimum.length, isAtLeast: !minimum.isExact };
      // X's own counting (links 23, emoji and CJK 2), from its maintained library.
      return { length: twitterWeightedLength(text), isAtLeast: false };
    }
  }
}
