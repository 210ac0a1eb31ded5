import { z } from 'zod';
import type { searchSchema, SearchHit } from '../../../shared/api/messages';
import type { Page } from '../../../shared/domain/entities';
import { decodeCursor, encodeCursor } from './cursor';
import type { Db } from './database';
import { cachedStatement } from './statementCache';
import { toFtsQuery } from './ftsQuery';
import { MESSAGE_COLUMNS, MESSAGE_JOINS, toMessage, type MessageRow } from './rows';

export type SearchQuery = z.output<typeof searchSchema>;

/**
 * Relevance ranks the newest this-many matches. Ranking every match of a common word reads
 * its whole posting list and scores each row (≈1.5 s at a million messages); a community
 * manager searching wants the best of what is recent, which this returns in milliseconds.
 */
export const RANKED_CANDIDATES = 2000;

const newestCursor = z.tuple([z.number().int()]);
const rankedCursor = z.tuple([z.literal('r'), z.number().int().min(0).max(RANKED_CANDIDATES)]);

/** Full-text search over message text and author; `total` counts only the page (search never counts a million rows). */
export function searchMessages(db: Db, query: SearchQuery): Page<SearchHit> {
  const match = toFtsQuery(query.text);
  if (match === null) return { items: [], nextCursor: null, total: 0 };
  const { seqs, nextCursor } = query.order === 'newest' ? newestMatches(db, match, query) : rankedMatches(db, match, query);
  const rows = cachedStatement<[string], MessageRow>(db, `SELECT ${MESSAGE_COLUMNS} FROM messages m ${MESSAGE_JOINS} WHERE m.seq IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(seqs));
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  const items = seqs.flatMap((seq) => {
    const row = bySeq.get(seq);
    return row ? [{ message: toMessage(row), conversationId: row.conversation_id }] : [];
  });
  return { items, nextCursor, total: items.length };
}

/** Message keys sort by creation time, so newest-first is a reverse walk of the index. */
function newestMatches(db: Db, match: string, query: SearchQuery): { seqs: number[]; nextCursor: string | null } {
  const before = query.cursor ? decodeCursor(query.cursor, newestCursor)[0] : Number.MAX_SAFE_INTEGER;
  const seqs = cachedStatement<[string, number, number], { rowid: number }>(db, 'SELECT rowid FROM message_search WHERE message_search MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?')
    .all(match, before, query.limit + 1)
    .map((row) => row.rowid);
  const page = seqs.slice(0, query.limit);
  const last = page.at(-1);
  return { seqs: page, nextCursor: seqs.length > query.limit && last !== undefined ? encodeCursor([last]) : null };
}

function rankedMatches(db: Db, match: string, query: SearchQuery): { seqs: number[]; nextCursor: string | null } {
  const offset = query.cursor ? decodeCursor(query.cursor, rankedCursor)[1] : 0;
  const seqs = cachedStatement<[string, number, number, number], { rowid: number }>(db, `SELECT rowid FROM (SELECT rowid, rank FROM message_search WHERE message_search MATCH ? ORDER BY rowid DESC LIMIT ?)
       ORDER BY rank, rowid DESC LIMIT ? OFFSET ?`)
    .all(match, RANKED_CANDIDATES, query.limit + 1, offset)
    .map((row) => row.rowid);
  const page = seqs.slice(0, query.limit);
  const nextOffset = offset + page.length;
  return { seqs: page, nextCursor: seqs.length > query.limit && nextOffset < RANKED_CANDIDATES ? encodeCursor(['r', nextOffset]) : null };
}
