import { RE2JS } from 're2js';
import { requiredText } from './requiredText';

// The text last lowered for a pattern's literal: every pattern of every rule asks about the same text in turn.
let lastText: string | null = null;
let lastLowered = '';
const lowered = (text: string): string => {
  if (text !== lastText) {
    lastLowered = text.toLowerCase();
    lastText = text;
  }
  return lastLowered;
};

/** What `\d` matches in re2js: ASCII digits only. */
const HAS_DIGIT = /[0-9]/u;

/**
 * Regular expressions in rules run on re2js, a linear-time engine: a pattern someone pastes
 * (or imports) can never freeze ingest with catastrophic backtracking, whatever the text.
 * Case is ignored, as everywhere else in rules; accents are not (the text is matched as written).
 */
export function compileRegex(pattern: string): { test(text: string): boolean } | { error: string } {
  try {
    const compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    // `test` asks only whether there is a match, so re2js runs its DFA: 4 to 6 times faster than
    // `matcher(text).find()`, which tracks where the match is (0.5 against 2-5 µs a text).
    // Checked first, for much less than the DFA: most texts lack the literal a pattern needs
    // (`commande` in `commande\s*#?\d{4,}`), and about six in seven lack a digit (a phone number's).
    const { literal, digit } = requiredText(pattern);
    return { test: (text) => (literal === null || lowered(text).includes(literal)) && (!digit || HAS_DIGIT.test(text)) && compiled.test(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
