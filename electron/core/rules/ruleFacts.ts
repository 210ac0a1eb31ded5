import { parseSchedule, type Schedule } from '../../../shared/schedule';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import { conversationTagNames, type TagNamesOf } from './conversationFacts';
import { MessageFacts, type FactLookups } from './messageFacts';

/**
 * The facts rules read about one message, from the database: live rules read them right after
 * ingest stored the message (inside its transaction), the dry run reads the same columns for
 * every message of the period. One query, one builder: the dry run cannot drift from the live
 * rules.
 *
 * Time: `at` is when the rule looks (ingest: the message's `received_at`; a time trigger: when
 * it is due). Message fields are the message's as stored; conversation fields (status,
 * assignee, tags, urgent) are the conversation as it is when the rule looks; `messageCount`
 * counts the messages up to this one, so it reads the same whenever it is asked.
 */
export const FACT_COLUMNS = `m.seq, m.text, m.language, m.hostility, m.created_at, m.received_at, m.contact_seq, m.external_id,
  c.seq AS conversation_seq, c.id AS conversation_id, c.kind AS conversation_kind, c.thread_external_id, c.platform, c.status,
  c.assignee_id, c.urgent_at, c.priority, c.created_at AS conversation_created_at,
  a.id AS account_id, a.business_hours,
  ct.handle, ct.name, ct.follower_count, ct.is_verified, ct.is_vip, ct.blocked_at`;
export const FACT_JOINS = 'JOIN conversations c ON c.seq = m.conversation_seq JOIN accounts a ON a.seq = c.account_seq JOIN contacts ct ON ct.seq = m.contact_seq';

export type FactRow = {
  seq: number;
  text: string;
  language: string | null;
  hostility: number;
  created_at: number;
  received_at: number;
  contact_seq: number;
  external_id: string;
  conversation_seq: number;
  conversation_id: string;
  conversation_kind: 'comment' | 'mention' | 'dm';
  thread_external_id: string;
  platform: string;
  status: string;
  assignee_id: string | null;
  urgent_at: number | null;
  /** The conversation's priority as the message's rules begin: what the run changes is its own (`RunPriorities`). */
  priority: number;
  conversation_created_at: number;
  account_id: string;
  business_hours: string | null;
  handle: string;
  name: string;
  follower_count: number | null;
  is_verified: number | null;
  is_vip: number;
  blocked_at: number | null;
};

/** What the spam score looks at, beyond the text: gathered only when a rule asks for the score. */
export type SpamSignals = {
  text: string;
  hasLink: boolean;
  followerCount: number | null;
  /** This author's first message in the workspace: a link from someone never seen before. */
  isFirstFromAuthor: boolean;
  /** Earlier messages from the same author with exactly this text, among their last `REPEATS_LOOKBACK`. */
  repeats: number;
};

/** How far back the spam score looks for the same text from the same author. */
export const REPEATS_LOOKBACK = 10;

/** 0 (nothing like spam) to 1 (certainly spam). Pluggable, like the hostility score. */
export type SpamScorer = (signals: SpamSignals) => number;

/** One per evaluation run (an ingest batch, a dry run): caches what many messages share. */
export type FactReader = {
  /** The stored message's facts, read lazily: a field no rule asks for costs nothing. */
  factsOf(row: FactRow, at: number): MessageFacts;
  rowOf(messageSeq: number): FactRow | undefined;
  /** A batch's messages, read in one query (a query per message cost more than most rules). */
  rowsOf(messageSeqs: readonly number[]): Map<number, FactRow>;
  /** A conversation's tag names, for facts made without a message. */
  tagNamesOf: TagNamesOf;
};

/** `beforeTagsRead`: a live run writes the tag links it added, so conditions on tags see them. */
export function createFactReader(db: Db, scoreSpam: SpamScorer, beforeTagsRead?: () => void): FactReader {
  const hoursByAccount = new Map<string, Schedule | null>();
  const hoursOf = (row: FactRow): Schedule | null => {
    let hours = hoursByAccount.get(row.account_id);
    if (hours === undefined) {
      // Stored hours were validated on the way in; parsing again keeps the type honest.
      hours = row.business_hours === null ? null : parseSchedule(JSON.parse(row.business_hours));
      hoursByAccount.set(row.account_id, hours);
    }
    return hours;
  };
  const countUpTo = cachedStatement<[number, number], { n: number }>(db, 'SELECT count(*) AS n FROM messages WHERE conversation_seq = ? AND seq <= ?');
  const authorHistory = createAuthorHistory(db);
  const selectRow = cachedStatement<[number], FactRow>(db, `SELECT ${FACT_COLUMNS} FROM messages m ${FACT_JOINS} WHERE m.seq = ?`);
  const selectRows = cachedStatement<[string], FactRow>(db, `SELECT ${FACT_COLUMNS} FROM messages m ${FACT_JOINS} WHERE m.seq IN (SELECT value FROM json_each(?))`);
  const lookups: FactLookups = {
    hoursOf,
    spamScoreOf(row, hasLink) {
      const earlier = authorHistory.latestBefore(row.contact_seq, row.seq);
      const repeats = earlier.filter((text) => text === row.text).length;
      return scoreSpam({ text: row.text, hasLink, followerCount: row.follower_count, isFirstFromAuthor: earlier.length === 0, repeats });
    },
    messageCountOf: (row) => countUpTo.get(row.conversation_seq, row.seq)?.n ?? 0,
    tagNamesOf(conversationSeq) {
      beforeTagsRead?.();
      return conversationTagNames(db, conversationSeq);
    },
  };

  return {
    tagNamesOf: lookups.tagNamesOf,
    rowOf: (messageSeq) => selectRow.get(messageSeq),
    rowsOf(messageSeqs) {
      const rows = new Map<number, FactRow>();
      for (const row of selectRows.all(JSON.stringify(messageSeqs))) {
        // The spam score of a batch's later messages looks back at its earlier ones.
        authorHistory.know(row.seq, row.text);
        rows.set(row.seq, row);
      }
      authorHistory.expect(rows);
      return rows;
    },
    factsOf(row, at) {
      authorHistory.know(row.seq, row.text);
      return new MessageFacts(db, row, at, lookups);
    },
  };
}

/** Texts kept at most: a batch's worth; a dry run over a million messages starts again past it. */
const KNOWN_TEXTS_MAX = 20_000;

/**
 * The texts of an author's latest messages before one, for the spam score (among the latest
 * `REPEATS_LOOKBACK` only: a prolific regular's whole history would cost every message they
 * send). Which messages is an index-only look-up; their texts come from what this reader has
 * already seen (the batch's own messages, the same regular's earlier look-ups) and only the
 * others are read from the table. Reading every text from the table measured about 16 µs a
 * message, most of ingest's spam score, and spread reads over the whole table (the page cache,
 * so RSS, grew with it). Texts do not change while a reader lives: rules never edit messages
 * and a dry run writes nothing.
 */
function createAuthorHistory(db: Db): { know(seq: number, text: string): void; expect(batch: ReadonlyMap<number, FactRow>): void; latestBefore(contactSeq: number, seq: number): string[] } {
  const latestSeqs = cachedStatement<[number, number], number>(db, `SELECT seq FROM messages WHERE contact_seq = ? AND seq < ? ORDER BY seq DESC LIMIT ${REPEATS_LOOKBACK}`).pluck();
  const textOf = cachedStatement<[number], string>(db, 'SELECT text FROM messages WHERE seq = ?').pluck();
  const known = new Map<number, string>();
  const know = (seq: number, text: string): void => {
    if (known.size >= KNOWN_TEXTS_MAX) known.clear();
    known.set(seq, text);
  };
  // A batch's look-ups, made together when its first score is asked. Made one per message, between
  // that message's rules and their writes, each found the index's pages gone from the processor's
  // caches: with fifty rules they took a third longer than with the built-in ones alone.
  let batch: ReadonlyMap<number, FactRow> | null = null;
  const ahead = new Map<number, number[]>();
  return {
    know,
    expect(rows) {
      batch = rows;
      ahead.clear();
    },
    latestBefore(contactSeq, seq) {
      // Once read, the batch is forgotten: its look-ups are all ahead.
      if (batch?.has(seq) === true) {
        for (const row of batch.values()) ahead.set(row.seq, latestSeqs.all(row.contact_seq, row.seq));
        batch = null;
      }
      return (ahead.get(seq) ?? latestSeqs.all(contactSeq, seq)).map((earlier) => {
        let text = known.get(earlier);
        if (text === undefined) {
          text = textOf.get(earlier) ?? '';
          know(earlier, text);
        }
        return text;
      });
    },
  };
}
