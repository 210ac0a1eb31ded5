/**
 * A length X can never count below, found in one pass without twitter-text (#9 §4): a
 * text whose minimum is over the limit is too long without being measured, since measuring
 * grows quadratically on some texts (`a.a.a…`: seconds at 100,000 characters).
 *
 * Why it holds, on the NFC text X counts:
 * - a link counts 23 and is at most 4,089 UTF-16 units (twitter-text drops longer ones: 4,096
 *   with its protocol, "http://" the shortest), never spans whitespace, and its domain ends
 *   with one of `linkEndings` (".com"): a word has at most as many links as it has of those;
 * - an emoji counts 2 and is at most 15 units (👩🏻‍❤️‍💋‍👨🏼, the longest sequence Unicode
 *   recommends), made of code points with the Emoji or Emoji_Component property;
 * - any other code point counts its weight: 1 in the ranges below, else 2.
 * A text without link endings or emoji code points is counted exactly so (`isExact`).
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

/** A run of non-whitespace as the pass sums it. */
type Word = { start: number; weight: number; maxWeightPerUnit: number; hasEmoji: boolean; hasInnerDot: boolean };

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
export function twitterMinimumLength(text: string, linkEndings: RegExp): { length: number; isExact: boolean } {
  const normalized = text.normalize('NFC');
  let minimum = 0;
  let isExact = true;
  let word: Word | null = null;
  const endWord = (end: number) => {
    if (!word) return;
    const possibleLinks = word.hasInnerDot ? (normalized.slice(word.start, end).match(linkEndings)?.length ?? 0) : 0;
    minimum += wordMinimum(word, possibleLinks);
    isExact &&= possibleLinks === 0 && !word.hasEmoji;
    word = null;
  };
  for (let index = 0; index < normalized.length; ) {
    const codePoint = normalized.codePointAt(index) ?? 0;
    const units = codePoint > 0xffff ? 2 : 1;
    if (isWhitespace(codePoint)) {
      endWord(index);
      minimum += 1;
    } else {
      word ??= { start: index, weight: 0, maxWeightPerUnit: 1, hasEmoji: false, hasInnerDot: false };
      EMOJI_PART.lastIndex = index;
      const isEmojiPart = codePoint > 0x7f && EMOJI_PART.test(normalized);
      const weight = isEmojiPart ? MIN_EMOJI_WEIGHT_PER_UNIT * units : weightOf(codePoint);
      word.weight += weight;
      word.maxWeightPerUnit = Math.max(word.maxWeightPerUnit, isEmojiPart ? 1 : weight / units);
      word.hasEmoji ||= isEmojiPart;
      // A sentence's last dot ends no domain: only a dot with more of the word after it may.
      word.hasInnerDot ||= codePoint === 0x2e && index + 1 < normalized.length && !isWhitespace(normalized.charCodeAt(index + 1));
    }
    index += units;
  }
  endWord(normalized.length);
  return { length: Math.ceil(minimum), isExact };
}
