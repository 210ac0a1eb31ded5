import { RE2JS } from 're2js';

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
    return { test: (text) => compiled.test(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
