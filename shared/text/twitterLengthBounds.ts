/**
 * Lengths X can never count below or above, found in one pass without twitter-text (#9 §4): a
 * text whose minimum is over the limit is too long, one whose maximum is within it fits, both
 * without being measured, since measuring grows quadratically on some texts (`a.a.a…`: seconds
 * at 100,000 characters; one word of a domain and 4,900 CJK characters: a quarter second).
 *
 * Why they hold, on the NFC text X counts (twitter-text 3.1.0's `parseTweet`: a link entity
 * counts 23 in place of its characters, an emoji entity 2 in place of its code points, any
 * other code point its weight):
 * - a link counts 23 and is at most 4,089 UTF-16 units (twitter-text drops longer ones: 4,096
 *   with its protocol, "http://" the shortest), never spans whitespace, and its domain ends
 *   with one of `linkEndings` (".com"): a word has at most as many links as it has of those;
 * - an emoji counts 2 and is at most 15 units (👩🏻‍❤️‍💋‍👨🏼, the longest sequence Unicode
 *   recommends), made of code points with the Emoji or Emoji_Component property;
 * - any other code point counts its weight: 1 in the ranges below, else 2;
 * - so a word counts at most its code points' weights plus 23 per link ending it holds (a link
 *   replaces characters weighing at least 0 by 23), emoji code points taken at 2: an emoji
 *   entity weighs 2 and holds at least one non-ASCII emoji code point (`©` alone is no emoji to
 *   twemoji-parser; `©️` is, and weighs 1 + 2 by its code points).
 * A text without link endings or emoji code points is counted exactly: `min` equals `max`.
 */
const MAX_LINK_UNITS = 4096 - 'http://'.length;
const LINK_WEIGHT = 23;
const MIN_EMOJI_WEIGHT_PER_UNIT = 2 / 15;
/** twitter-text's default configuration (v3): these code points count 1, the others 2. */
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

const EMOJI_PART = /[\p{Emoji}\p{Emoji_Component}]/uy;
const isWhitespace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);
const weightOf = (codePoint: number): number => (LIGHT_RANGES.some(([start, end]) => codePoint >= start && codePoint <= end) ? 1 : 2);

/** A run of non-whitespace as the pass sums it: `weight` at the least each code point may count, `maxWeight` at the most. */
type Word = { start: number; weight: number; maxWeight: number; maxWeightPerUnit: number; hasInnerDot: boolean };

/** The least a word can count: as many links as it may hold and has room for, each in place of the heaviest text it could cover. */
function wordMinimum(word: Word, possibleLinks: number): number {
  const coveredPerLink = MAX_LINK_UNITS * word.maxWeightPerUnit;
  // Each link is lighter than the text it covers, until the text is covered: the least is around weight / coveredPerLink links.
  const cost = (links: number) => LINK_WEIGHT * links + Math.max(0, word.weight - coveredPerLink * links);
  const fewer = Math.min(possibleLinks, Math.floor(word.weight / coveredPerLink));
  const more = Math.min(possibleLinks, Math.ceil(word.weight / coveredPerLink));
  return Math.min(cost(fewer), cost(more));
}

/**
 * `linkEndings`: a global pattern matching where a link's domain may end (see
 * `twitterLinkEndings`). One pass over the code points: a regular expression per word would
 * cost more than the measure it spares on a long text of short words.
 */
export function twitterLengthBounds(text: string, linkEndings: RegExp): { min: number; max: number } {
  const normalized = text.normalize('NFC');
  let min = 0;
  let max = 0;
  let word: Word | null = null;
  const endWord = (end: number) => {
    if (!word) return;
    const possibleLinks = word.hasInnerDot ? (normalized.slice(word.start, end).match(linkEndings)?.length ?? 0) : 0;
    min += wordMinimum(word, possibleLinks);
    max += word.maxWeight + LINK_WEIGHT * possibleLinks;
    word = null;
  };
  for (let index = 0; index < normalized.length; ) {
    const codePoint = normalized.codePointAt(index) ?? 0;
    const units = codePoint > 0xffff ? 2 : 1;
    if (isWhitespace(codePoint)) {
      endWord(index);
      min += 1;
      max += 1;
    } else {
      word ??= { start: index, weight: 0, maxWeight: 0, maxWeightPerUnit: 1, hasInnerDot: false };
      EMOJI_PART.lastIndex = index;
      const isEmojiPart = codePoint > 0x7f && EMOJI_PART.test(normalized);
      const weight = weightOf(codePoint);
      word.weight += isEmojiPart ? MIN_EMOJI_WEIGHT_PER_UNIT * units : weight;
      word.maxWeight += isEmojiPart ? 2 : weight;
      word.maxWeightPerUnit = Math.max(word.maxWeightPerUnit, isEmojiPart ? 1 : weight / units);
      // A sentence's last dot ends no domain: only a dot with more of the word after it may.
      word.hasInnerDot ||= codePoint === 0x2e && index + 1 < normalized.length && !isWhitespace(normalized.charCodeAt(index + 1));
    }
    index += units;
  }
  endWord(normalized.length);
  return { min: Math.ceil(min), max };
}
