import type { ReplyLimits } from '../connectors/connector';
import { twitterWeightedLength } from './twitterLength';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A text's length the way a platform counts it against its limit. */
export function replyLength(text: string, unit: ReplyLimits['lengthUnit']): number {
  switch (unit) {
    case 'characters':
      return Array.from(text).length;
    case 'graphemes':
      return Array.from(graphemes.segment(text)).length;
    case 'twitter-weighted':
      // X's own counting (links 23, emoji and CJK 2), from its maintained library.
      return twitterWeightedLength(text);
  }
}
