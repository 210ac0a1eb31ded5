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

type ExcerptRow = { seq: number; hostility: number; excerpt: string; has_markers: number };

// Driven by the conversation's messages (its index, newest first), each looked up in the
// full-text index by rowid: as cheap among a million messages as among ten, and only for the
// page's rows. CROSS JOIN keeps that order: left to itself SQLite walks every match of the word.
export const EXCERPT_SQL = `SELECT m.seq, m.hostility, snippet(message_search, -1, @open, @close, '…', ${EXCERPT_TOKENS}) AS excerpt,
    instr(m.text, @open) > 0 OR instr(m.text, @close) > 0 OR instr(m.author_label, @open) > 0 OR instr(m.author_label, @close) > 0 AS has_markers
  FROM messages m CROSS JOIN message_search ON message_search.rowid = m.seq
  WHERE m.conversation_seq = @conversationSeq AND message_search MATCH @match
  ORDER BY m.seq DESC LIMIT 1`;

/**
 * For each conversation, an excerpt of its newest message matching `match` (an FTS5 query),
 * the words found marked. FTS5 cuts it from the message as stored, so a search for "cafe"
 * marks "café" intact.
 */
export function searchExcerpts(db: Db, conversationSeqs: readonly number[], match: string): Map<number, SearchExcerpt> {
  const excerpts = new Map<number, SearchExcerpt>();
  for (const conversationSeq of conversationSeqs) {
    const excerpt = excerptOf(db, conversationSeq, match);
    if (excerpt) excerpts.set(conversationSeq, excerpt);
  }
  return excerpts;
}

function excerptOf(db: Db, conversationSeq: number, match: string): SearchExcerpt | null {
  const query = (markers: Markers) => cachedStatement<[Markers & { conversationSeq: number; match: string }], ExcerptRow>(db, EXCERPT_SQL).get({ ...markers, conversationSeq, match });
  let row = query(USUAL_MARKERS);
  let markers = USUAL_MARKERS;
  if (row?.has_markers) {
    const text = cachedStatement<[number], { text: string }>(db, "SELECT text || ' ' || author_label AS text FROM messages WHERE seq = ?").get(row.seq)?.text ?? '';
    const free = markersNotIn(text);
    if (free === null) return null;
    markers = free;
    row = query(free);
  }
  return row ? { messageId: String(row.seq), segments: withShortLeadIn(toSegments(row.excerpt, markers)), hostility: row.hostility } : null;
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
