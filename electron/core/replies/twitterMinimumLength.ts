/**
 * A length X can never count below, found in one pass without twitter-text (#9 §4): a
 * text whose minimum is over the limit is too long without being measured, since measuring
 * grows quadratically on some texts (`a.a.a…`: seconds at 100,000 characters).
 *
 * Why it holds, on the NFC text X counts (in UTF-16 units):
 * - a link counts 23 and is at most 4,089 units (twitter-text drops longer ones: 4,096 with
 *   its protocol, "http://" the shortest), never spans whitespace, and its domain ends with
 *   one of `linkEndings` (".com"): a word has at most as many links as it has of those;
 * - an emoji counts 2 and is at most 15 units (👩🏻‍❤️‍💋‍👨🏼, the longest sequence Unicode
 *   recommends), and always has a non-ASCII code point;
 * - any other code point counts 1 or 2 for its 1 or 2 units, and whitespace is one of them.
 * ASCII without a link ending is counted exactly so: each character is 1 (`isExact`).
 */
const MAX_LINK_UNITS = 4096 - 'http://'.length;
const LINK_WEIGHT = 23;
const MIN_EMOJI_WEIGHT_PER_UNIT = 2 / 15;

/** The least a run of non-whitespace can count: as many links as it may hold and has room for, the rest as cheap as it can be. */
function wordMinimum(units: number, isAscii: boolean, possibleLinks: number): number {
  const perUnit = isAscii ? 1 : MIN_EMOJI_WEIGHT_PER_UNIT;
  // Each link is cheaper than the text it covers, until the text is covered: the least is around units / MAX_LINK_UNITS links.
  const cost = (links: number) => LINK_WEIGHT * links + perUnit * Math.max(0, units - MAX_LINK_UNITS * links);
  const fewer = Math.min(possibleLinks, Math.floor(units / MAX_LINK_UNITS));
  const more = Math.min(possibleLinks, Math.ceil(units / MAX_LINK_UNITS));
  return Math.min(cost(fewer), cost(more));
}

const isWhitespace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);
const DOT = 46;

/**
 * `linkEndings`: a global pattern matching where a link's domain may end (see
 * `twitterLinkEndings`). One pass over the characters: a regular expression per word
 * would cost more than the measure it spares on a long text of short words.
 */
export function twitterMinimumLength(text: string, linkEndings: RegExp): { length: number; isExact: boolean } {
  const normalized = text.normalize('NFC');
  let minimum = 0;
  let isExact = true;
  let start = 0;
  let isAscii = true;
  let hasDot = false;
  for (let index = 0; index <= normalized.length; index++) {
    const code = index < normalized.length ? normalized.charCodeAt(index) : 32;
    if (!isWhitespace(code)) {
      isAscii &&= code < 128;
      // A sentence's last dot ends no domain: only a dot with more of the word after it may.
      hasDot ||= code === DOT && index + 1 < normalized.length && !isWhitespace(normalized.charCodeAt(index + 1));
      continue;
    }
    if (index > start) {
      const possibleLinks = hasDot ? (normalized.slice(start, index).match(linkEndings)?.length ?? 0) : 0;
      minimum += wordMinimum(index - start, isAscii, possibleLinks);
      isExact &&= isAscii && possibleLinks === 0;
    }
    // Whitespace counts 1 (the sentinel past the end does not).
    if (index < normalized.length) minimum += 1;
    start = index + 1;
    isAscii = true;
    hasDot = false;
  }
  return { length: Math.ceil(minimum), isExact };
}
