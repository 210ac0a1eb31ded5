import type { ReplyLimits } from '../connector';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const URL_PATTERN = /https?:\/\/\S+/gu;
const EMOJI = /\p{Extended_Pictographic}/u;
/** twitter-text counts any link as this many characters, whatever its length. */
const TWITTER_URL_WEIGHT = 23;
/** Code points twitter-text weighs 1 (Latin, Greek, Cyrillic… and some punctuation); others weigh 2. */
const TWITTER_LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

/** A text's length the way a platform counts it against its limit. */
export function replyLength(text: string, unit: ReplyLimits['lengthUnit']): number {
  switch (unit) {
    case 'characters':
      return codePoints(text);
    case 'graphemes':
      return countGraphemes(text);
    case 'twitter-weighted':
      return twitterWeightedLength(text);
  }
}

const codePoints = (text: string): number => Array.from(text).length;

const countGraphemes = (text: string): number => Array.from(graphemes.segment(text)).length;

/** X's weighted count: links weigh 23, an emoji 2 however many code points it takes, CJK 2. */
function twitterWeightedLength(text: string): number {
  let weight = 0;
  const withoutUrls = text.replace(URL_PATTERN, () => {
    weight += TWITTER_URL_WEIGHT;
    return '';
  });
  for (const { segment } of graphemes.segment(withoutUrls)) {
    if (EMOJI.test(segment)) {
      weight += 2;
      continue;
    }
    for (const char of segment) weight += isLight(char.codePointAt(0) ?? 0) ? 1 : 2;
  }
  return weight;
}

const isLight = (codePoint: number): boolean =>
  TWITTER_LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
