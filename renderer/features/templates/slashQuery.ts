/** A `/query` being typed in the composer: where it starts and ends in the text. */
export type SlashQuery = { start: number; end: number; query: string };

const WORD_CHAR = /[\p{L}\p{N}_-]/u;
// A slash at the start of the box or after whitespace, then the word typed so far: "https://x" or "et/ou" never open the picker.
const TYPED = /(?:^|\s)\/([\p{L}\p{N}_-]{0,40})$/u;

/** The `/query` the caret is in, or null. The query is what precedes the caret; the token runs to the end of the word. */
export function findSlashQuery(text: string, caret: number): SlashQuery | null {
  const match = TYPED.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? '';
  let end = caret;
  while (end < text.length && WORD_CHAR.test(text.charAt(end))) end++;
  return { start: caret - query.length - 1, end, query };
}

/** The text with the `/query` replaced by the template's text, and where the caret goes: right after it. */
export function replaceSlashQuery(text: string, slash: SlashQuery, insert: string): { text: string; caret: number } | null {
  // The person may have typed on while the template rendered: only a token still in place is replaced.
  if (text.charAt(slash.start) !== '/' || text.slice(slash.start + 1, slash.start + 1 + slash.query.length) !== slash.query) return null;
  return { text: text.slice(0, slash.start) + insert + text.slice(slash.end), caret: slash.start + insert.length };
}
