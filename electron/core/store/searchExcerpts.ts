import type { ExcerptSegment, SearchExcerpt } from '../../../shared/domain/entities';
import type { Db } from './database';
import { cachedStatement } from './statementCache';

/** Words of context FTS5 keeps around what matched: a row's line, not the message. */
const EXCERPT_TOKENS = 12;
/**
 * At most this many characters before the first word found: a row shows one line of about
 * forty, and a word found at its end would be cut off.
 */
export const LEAD_IN_CHARS = 24;

type Markers = { open: string; close: string };

/**
 * FTS5 puts these around each word found. A message's text can hold any character, these
 * included: a message that does is excerpted again with two characters it does not contain,
 * so a marker in the answer is always FTS5's own and a text can never forge a highlight.
 */
const USUAL_MARKERS: Markers = { open: '\uE000', close: '\uE001' };

type NewestMatch = { conversation_seq: number; seq: number; hostility: number };
type ExcerptRow = { seq: number; excerpt: string; has_markers: number };

// The newest matching message of each of the page's conversations: the page's messages
// (through their conversation's index) kept if full-text search found them.
export const NEWEST_MATCHES_SQL = `SELECT m.conversation_seq, max(m.seq) AS seq, m.hostility FROM messages m
  WHERE m.conversation_seq IN (SELECT value FROM json_each(@conversationSeqs))
    AND m.seq IN (SELECT rowid FROM message_search WHERE message_search MATCH @match)
  GROUP BY m.conversation_seq`;

/**
 * FTS5 cuts excerpts in a small table of just the messages to excerpt, tokenized as
 * `message_search` is: snippet() on the big index with a rowid constraint measured over 100 ms
 * a row for a common word (it walks the word's whole list), here a page costs about 2 ms.
 */
export const EXCERPT_TOKENIZER = "tokenize = 'unicode61 remove_diacritics 2'";
const EXCERPT_TABLE = `CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_excerpts USING fts5 (text, author_label, ${EXCERPT_TOKENIZER})`;
const EXCERPT_SQL = `SELECT rowid AS seq, snippet(search_excerpts, -1, @open, @close, '…', ${EXCERPT_TOKENS}) AS excerpt,
    instr(text, @open) > 0 OR instr(text, @close) > 0 OR instr(author_label, @open) > 0 OR instr(author_label, @close) > 0 AS has_markers
  FROM temp.search_excerpts WHERE search_excerpts MATCH @match`;

const withExcerptTable = new WeakSet<Db>();

/**
 * For each conversation, an excerpt of its newest message matching `match` (an FTS5 query),
 * the words found marked. FTS5 cuts it from the message as stored, so a search for "cafe"
 * marks "café" intact.
 */
export function searchExcerpts(db: Db, conversationSeqs: readonly number[], match: string): Map<number, SearchExcerpt> {
  const newest = cachedStatement<[{ conversationSeqs: string; match: string }], NewestMatch>(db, NEWEST_MATCHES_SQL).all({ conversationSeqs: JSON.stringify(conversationSeqs), match });
  if (newest.length === 0) return new Map();
  if (!withExcerptTable.has(db)) {
    db.exec(EXCERPT_TABLE);
    withExcerptTable.add(db);
  }
  const excerpts = db.transaction(() => {
    cachedStatement<[string], never>(db, 'INSERT INTO temp.search_excerpts (rowid, text, author_label) SELECT seq, text, author_label FROM messages WHERE seq IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify(newest.map((row) => row.seq)));
    try {
      return excerptsOf(db, match);
    } finally {
      cachedStatement(db, 'DELETE FROM temp.search_excerpts').run();
    }
  })();
  return new Map(newest.flatMap((row) => {
    const segments = excerpts.get(row.seq);
    return segments ? [[row.conversation_seq, { messageId: String(row.seq), segments, hostility: row.hostility }] as const] : [];
  }));
}

/** Each message's excerpt, as segments; a message holding the usual markers is cut again with markers it does not hold. */
function excerptsOf(db: Db, match: string): Map<number, ExcerptSegment[]> {
  const query = (markers: Markers) => cachedStatement<[Markers & { match: string }], ExcerptRow>(db, EXCERPT_SQL).all({ ...markers, match });
  const excerpts = new Map<number, ExcerptSegment[]>();
  for (const row of query(USUAL_MARKERS)) {
    if (!row.has_markers) excerpts.set(row.seq, withShortLeadIn(toSegments(row.excerpt, USUAL_MARKERS)));
  }
  const forging = cachedStatement<[], { seq: number; text: string }>(db, "SELECT rowid AS seq, text || ' ' || author_label AS text FROM temp.search_excerpts").all().filter((row) => !excerpts.has(row.seq));
  for (const { seq, text } of forging) {
    const markers = markersNotIn(text);
    const row = markers && query(markers).find((candidate) => candidate.seq === seq);
    if (markers && row) excerpts.set(seq, withShortLeadIn(toSegments(row.excerpt, markers)));
  }
  return excerpts;
}

/** Two private-use characters the text does not contain (null only if it holds every one of them). */
export function markersNotIn(text: string): Markers | null {
  const used = new Set(text);
  const free: string[] = [];
  for (const [first, last] of [[0xe000, 0xf8ff], [0xf0000, 0xffffd], [0x100000, 0x10fffd]] as const) {
    for (let code = first; code <= last && free.length < 2; code++) {
      const candidate = String.fromCodePoint(code);
      if (!used.has(candidate)) free.push(candidate);
    }
  }
  const [open, close] = free;
  return open !== undefined && close !== undefined ? { open, close } : null;
}

/** FTS5's marked text as plain segments: what lies between an open and a close marker matched. */
export function toSegments(marked: string, { open, close }: Markers): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  const push = (text: string, isMatch: boolean) => {
    if (text !== '') segments.push({ text, isMatch });
  };
  const [before = '', ...opened] = marked.split(open);
  push(before, false);
  for (const part of opened) {
    const [found = '', after = ''] = part.split(close);
    push(found, true);
    push(after, false);
  }
  return segments;
}

/** The text before the first word found, cut to its last few words (whole characters, whole words). */
export function withShortLeadIn(segments: ExcerptSegment[]): ExcerptSegment[] {
  const [first, ...rest] = segments;
  const characters = first && !first.isMatch ? Array.from(first.text) : [];
  if (characters.length <= LEAD_IN_CHARS) return segments;
  const tail = characters.slice(-LEAD_IN_CHARS).join('');
  const wordStart = tail.search(/\s/u);
  return [{ text: `…${wordStart === -1 ? tail : tail.slice(wordStart + 1)}`, isMatch: false }, ...rest];
}
