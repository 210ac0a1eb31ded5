import type { ReplyLimits } from '../connectors/connector';
import { twitterMinimumLength } from './twitterMinimumLength';
import { twitterWeightedLength } from './twitterLength';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A text's length as its platform counts it; `isAtLeast`: only a minimum, already over the limit, so not measured. */
export type ReplyMeasure = { length: number; isAtLeast: boolean };

/**
 * A text's length the way a platform counts it against `max`. Characters and graphemes are
 * counted in one pass; X's weighted length is measured by twitter-text only when the text
 * could fit (see `twitterMinimumLength`), since that measure can take seconds.
 */
export function measureReply(text: string, unit: ReplyLimits['lengthUnit'], max: number): ReplyMeasure {
  switch (unit) {
    case 'characters':
      return { length: Array.from(text).length, isAtLeast: false };
    case 'graphemes':
      return { length: Array.from(graphemes.segment(text)).length, isAtLeast: false };
    case 'twitter-weighted': {
      const minimum = twitterMinimumLength(text);
      // X's own counting (links 23, emoji and CJK 2), from its maintained library.
      return minimum > max ? { length: minimum, isAtLeast: true } : { length: twitterWeightedLength(text), isAtLeast: false };
    }
  }
}
