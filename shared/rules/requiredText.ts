/**
 * Characters a case-insensitive pattern's letter is sure to find in `text.toLowerCase()`:
 * ASCII letters, digits and a few plain marks. Not `s`: re2js also matches it to ſ (U+017F),
 * which lower case leaves as it is (K's other form, the kelvin sign, lowers to k). Checked once
 * over every code point against re2js 2.10: `s` is the only such character among these.
 */
const SAFE = /^[a-rt-zA-RT-Z0-9 #@:,;'"%&=<>!~_/-]$/u;
/** Escapes that stand for a character written by its code (`\x41`, `\101`) or a class (`\p{L}`): their length varies. */
const LONG_ESCAPES = /^[xpP0-9]$/u;
const QUANTIFIERS = new Set(['?', '*', '+', '{']);
/** Flags set for the rest of the pattern (`(?i)`): they match nothing, so a quantifier after them repeats what came before. */
const FLAGS = /(?:\(\?[a-zA-Z-]*\))*/y;

/** The index of what follows the item that ends at `end` (exclusive), past any flags between. */
function afterFlags(pattern: string, end: number): number {
  FLAGS.lastIndex = end;
  FLAGS.exec(pattern);
  return FLAGS.lastIndex;
}

/** Whether the character at `at` is repeated or made optional: a quantifier after it, flags between or not. */
const isQuantified = (pattern: string, at: number): boolean => QUANTIFIERS.has(pattern[afterFlags(pattern, at + 1)] ?? '');

/** A repetition that asks for at least one (`+`, `{2}`, `{1,}`): `?`, `*`, `{0,3}` and anything unclear may ask for none. */
const AT_LEAST_ONE = /^(?:\+|\{[1-9][0-9]*(?:,[0-9]*)?\})/u;

/** Whether the item that ends at `end` is sure to be there: no quantifier after it, or one that asks for at least one. */
const isRequired = (pattern: string, end: number): boolean => {
  const next = afterFlags(pattern, end);
  if (!QUANTIFIERS.has(pattern[next] ?? '')) return true;
  const repeat = AT_LEAST_ONE.exec(pattern.slice(next, next + 12));
  if (!repeat) return false;
  // Flags then another quantifier repeat the repetition (`\d+(?-i)*` is `(\d+)*`, which may be empty).
  const after = next + repeat[0].length + (pattern[next + repeat[0].length] === '?' ? 1 : 0);
  return !QUANTIFIERS.has(pattern[afterFlags(pattern, after)] ?? '');
};

/** The index just past a character class that opens at `start`, or -1 when unsure where it closes. */
function endOfClass(pattern: string, start: number): number {
  let at = start + 1;
  if (pattern[at] === '^') at += 1;
  // A `]` first in a class is one of its characters.
  if (pattern[at] === ']') at += 1;
  for (; at < pattern.length; at += 1) {
    const char = pattern[at];
    if (char === '\\') at += 1;
    else if (char === '[') return -1;
    else if (char === ']') return at + 1;
  }
  return -1;
}

/** The index just past a group that opens at `start`, or -1 when unsure where it closes. */
function endOfGroup(pattern: string, start: number): number {
  let depth = 0;
  for (let at = start; at < pattern.length; at += 1) {
    const char = pattern[at];
    if (char === '\\') at += 1;
    else if (char === '[') {
      const end = endOfClass(pattern, at);
      if (end < 0) return -1;
      at = end - 1;
    } else if (char === '(') depth += 1;
    else if (char === ')' && --depth === 0) return at + 1;
  }
  return -1;
}

/** What every match of a pattern contains: a run of characters in lower case, an ASCII digit. */
export type RequiredText = { literal: string | null; digit: boolean };

const NOTHING_SURE: RequiredText = { literal: null, digit: false };

/**
 * What every match of a pattern is sure to contain: the longest run of characters, in lower
 * case, and whether a digit (`\d`, which re2js reads as 0-9 only). Read only at the top level
 * of a pattern with no top-level `|`, where each item must match in turn. Groups, classes,
 * escapes, anchors, `.` and any character followed by a quantifier end a run; a `\d` counts
 * unless `?`, `*` or a repetition from zero follows it; whatever is not understood gives
 * nothing. Checked before re2js runs, it may let through a text the pattern does not match,
 * never turn away one it does.
 */
export function requiredText(pattern: string): RequiredText {
  if (pattern.includes('\\Q')) return NOTHING_SURE;
  let best = '';
  let run = '';
  let digit = false;
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let at = 0; at < pattern.length; ) {
    const char = pattern[at] ?? '';
    if (char === '|') return NOTHING_SURE;
    if (char === '(' || char === '[') {
      const end = char === '(' ? endOfGroup(pattern, at) : endOfClass(pattern, at);
      if (end < 0) return NOTHING_SURE;
      endRun();
      at = end;
    } else if (char === '\\') {
      const escaped = pattern[at + 1] ?? '';
      if (LONG_ESCAPES.test(escaped)) return NOTHING_SURE;
      if (escaped === 'd' && isRequired(pattern, at + 2)) digit = true;
      endRun();
      at += 2;
    } else if (char === '{') {
      // A repetition's bounds (`{2,4}`) are no characters of the text.
      const end = pattern.indexOf('}', at);
      if (end < 0) return NOTHING_SURE;
      endRun();
      at = end + 1;
    } else if (SAFE.test(char) && !isQuantified(pattern, at)) {
      run += char.toLowerCase();
      at += 1;
    } else {
      endRun();
      at += 1;
    }
  }
  endRun();
  return { literal: best === '' ? null : best, digit };
}
