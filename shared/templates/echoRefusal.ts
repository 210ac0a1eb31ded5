/**
 * Why a value chosen by a stranger (a display name, a handle) must not be repeated in a reply
 * Pieuvre sends on its own, where nobody reads it first (#9 §3):
 * - link: a web address, or anything shaped like one (`free-coffee.example/win`, `www.x`, `xn--…`);
 * - mention: `@everyone`, `@here`, `@someone`: the platform would notify them;
 * - hashtag: `#…`, and X's `$…` cashtags: the platform turns them into links;
 * - markup: HTML or Markdown (`<b>`, `[x](y)`, `**`, `` ` ``), or a slash;
 * - invisible: control, format and bidi characters (RTL override, zero-width spaces, line breaks, NUL);
 * - tooLong: more than 40 graphemes, longer than any real name;
 * - stackedMarks: a letter under more than 3 combining marks ("zalgo": a short name that fills the screen).
 */
export type EchoRefusal = 'link' | 'mention' | 'hashtag' | 'markup' | 'invisible' | 'tooLong' | 'stackedMarks';

const MAX_GRAPHEMES = 40;
/** Vietnamese stacks two marks on a letter and Indic conjuncts a few; zalgo stacks dozens. */
const MAX_MARKS_PER_GRAPHEME = 3;

const MENTION = /[@＠﹫]/u;
const HASHTAG = /[#＃﹟$＄﹩]/u;
const MARKUP = /[<>[\]{}()\\/|*_~`^＜＞［］｛｝（）／＼｜]/u;
/**
 * Deliberately wider than a URL detector: a letter, a dot (ASCII, ideographic or full-width)
 * and a letter is enough. Detectors that know the top-level domains miss new and brand ones
 * (`.example`, `.coffee`), and a false alarm only costs the template's default.
 */
const LINK = /[\p{L}\p{N}\p{M}][.。．｡︒][\p{L}\p{N}]|xn--/iu;
/** Controls (C0, C1), format characters (bidi overrides and marks, zero-width spaces, tags), unassigned, private use, line and paragraph separators, and the blank letters (Hangul fillers, braille blank) used for empty-looking names. */
const INVISIBLE = /[\p{C}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]/u;
const MARK = /\p{M}/gu;
// Built from a string: the `v` flag (RGI_Emoji) is newer than the language level the project compiles for.
const EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');
const ZWNJ = '\u200C';
const LETTER = /[\p{L}\p{M}]/u;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * An emoji keeps its joiners, variation selectors and tags (👩‍💻, 🏴󠁧󠁢󠁳󠁣󠁴󠁿); a zero-width
 * non-joiner stays between two letters (Persian and Indic names need it). Any other
 * invisible character is refused.
 */
function hasInvisible(grapheme: string, next: string): boolean {
  if (EMOJI.test(grapheme)) return false;
  // The segmenter keeps a non-joiner with the letter before it.
  const letter = grapheme.slice(0, -1);
  const isJoinedLetter = grapheme.endsWith(ZWNJ) && LETTER.test(letter) && LETTER.test(next.charAt(0));
  return INVISIBLE.test(isJoinedLetter ? letter : grapheme);
}

/** Segments no further than one grapheme past the limit: a name of 100,000 characters costs no more than one of 41. */
function graphemeRefusal(value: string): EchoRefusal | null {
  const segments: string[] = [];
  for (const { segment } of graphemes.segment(value)) {
    segments.push(segment);
    if (segments.length > MAX_GRAPHEMES) return 'tooLong';
  }
  for (const [index, grapheme] of segments.entries()) {
    if (hasInvisible(grapheme, segments[index + 1] ?? '')) return 'invisible';
    if (!EMOJI.test(grapheme) && (grapheme.match(MARK)?.length ?? 0) > MAX_MARKS_PER_GRAPHEME) return 'stackedMarks';
  }
  return null;
}

/** Why `value` may not be repeated in an automatic reply, or null when it may. An empty value is safe: there is nothing to repeat. */
export function echoRefusal(value: string): EchoRefusal | null {
  if (MENTION.test(value)) return 'mention';
  if (HASHTAG.test(value)) return 'hashtag';
  if (LINK.test(value)) return 'link';
  if (MARKUP.test(value)) return 'markup';
  return graphemeRefusal(value);
}
