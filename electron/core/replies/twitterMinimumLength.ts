/**
 * A length X can never count below, found in one pass without twitter-text (#9 §4): a
 * text whose minimum is over the limit is too long without being measured, since measuring
 * grows quadratically on some texts (`a.a.a…`: seconds at 100,000 characters).
 *
 * Why it holds, on the NFC text X counts (in UTF-16 units):
 * - a link counts 23 and is at most 4,089 units (twitter-text drops longer ones: 4,096 with
 *   its protocol, "http://" the shortest), never spans whitespace, and needs a "." in its domain;
 * - an emoji counts 2 and is at most 15 units (👩🏻‍❤️‍💋‍👨🏼, the longest sequence Unicode
 *   recommends), and always has a non-ASCII code point;
 * - any other code point counts 1 or 2 for its 1 or 2 units, and whitespace is one of them.
 */
const MAX_LINK_UNITS = 4096 - 'http://'.length;
const LINK_WEIGHT = 23;
const MIN_EMOJI_WEIGHT_PER_UNIT = 2 / 15;

const WORDS = /[^ \t\n\r\f\v]+/gu;
const NON_ASCII = /\P{ASCII}/u;

/** The least a run of non-whitespace can count: as many links as it has dots and room for, the rest as cheap as it can be. */
function wordMinimum(word: string): number {
  const units = word.length;
  const dots = word.split('.').length - 1;
  const perUnit = NON_ASCII.test(word) ? MIN_EMOJI_WEIGHT_PER_UNIT : 1;
  // Each link is cheaper than the text it covers, until the text is covered: the least is around units / MAX_LINK_UNITS links.
  const cost = (links: number) => LINK_WEIGHT * links + perUnit * Math.max(0, units - MAX_LINK_UNITS * links);
  const fewer = Math.min(dots, Math.floor(units / MAX_LINK_UNITS));
  const more = Math.min(dots, Math.ceil(units / MAX_LINK_UNITS));
  return Math.min(cost(fewer), cost(more));
}

export function twitterMinimumLength(text: string): number {
  const normalized = text.normalize('NFC');
  let minimum = 0;
  let wordUnits = 0;
  for (const [word] of normalized.matchAll(WORDS)) {
    minimum += wordMinimum(word);
    wordUnits += word.length;
  }
  // Whitespace counts 1 each.
  return Math.ceil(minimum + normalized.length - wordUnits);
}
