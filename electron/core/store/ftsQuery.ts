/**
 * Turns what a person typed into an FTS5 query that cannot be a syntax error: each word is
 * quoted (so AND, OR, NEAR, quotes and parentheses are just text) and the words must all
 * match. A trailing `*` keeps a word a prefix: `répon*` finds "réponse" and "répondre".
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | null {
  const terms = text
    .split(/\s+/u)
    .map((word) => {
      const isPrefix = word.endsWith('*');
      const bare = word.replace(/[*"]/gu, '');
      return /[\p{L}\p{N}]/u.test(bare) ? `"${bare}"${isPrefix ? '*' : ''}` : null;
    })
    .filter((term): term is string => term !== null);
  return terms.length > 0 ? terms.join(' ') : null;
}
