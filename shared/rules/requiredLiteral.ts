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

/** Whether the character at `at` is repeated or made optional: a quantifier after it, flags between or not. */
function isQuantified(pattern: string, at: number): boolean {
  FLAGS.lastIndex = at + 1;
  FLAGS.exec(pattern);
  return QUANTIFIERS.has(pattern[FLAGS.lastIndex] ?? '');
}

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

/**
 * The longest run of characters every match of a pattern contains, in lower case, or null when
 * none is sure: read only at the top level of a pattern with no top-level `|`, where each item
 * must match in turn. Groups, classes, escapes, anchors, `.` and any character followed by a
 * quantifier end a run; whatever is not understood gives null. Checked with `includes` before
 * re2js runs, it may let through a text the pattern does not match, never turn away one it does.
 */
export function requiredLiteral(pattern: string): string | null {
  if (pattern.includes('\\Q')) return null;
  let best = '';
  let run = '';
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let at = 0; at < pattern.length; ) {
    const char = pattern[at] ?? '';
    if (char === '|') return null;
    if (char === '(' || char === '[') {
      const end = char === '(' ? endOfGroup(pattern, at) : endOfClass(pattern, at);
      if (end < 0) return null;
      endRun();
      at = end;
    } else if (char === '\\') {
      if (LONG_ESCAPES.test(pattern[at + 1] ?? '')) return null;
      endRun();
      at += 2;
    } else if (char === '{') {
      // A repetition's bounds (`{2,4}`) are no characters of the text.
      const end = pattern.indexOf('}', at);
      if (end < 0) return null;
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
  return best === '' ? null : best;
}
