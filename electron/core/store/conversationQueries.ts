import type { z } from 'zod';
import type { ConversationCounts, conversationQuerySchema } from '../../../shared/api/conversations';
import { ApiFailure } from '../../../shared/api/result';
import { CONVERSATION_STATUSES, type Conversation, type ConversationDetail, type ConversationKind, type ConversationStatus, type Page, type SearchExcerpt } from '../../../shared/domain/entities';
import type { Platform } from '../../../shared/domain/platform';
import { conversationWhere, countsWhere, type ConversationFilter } from './conversationFilter';
import { decodeCursor, encodeCursor, timeKeyCursor } from './cursor';
import { toFtsQuery } from './ftsQuery';
import { searchExcerpts } from './searchExcerpts';
import type { Db } from './database';
import { cachedStatement } from './statementCache';
import {
  CONVERSATION_COLUMNS, CONVERSATION_JOINS, MESSAGE_COLUMNS, MESSAGE_JOINS,
  toConversation, toMessage, toPost, type ConversationRow, type MessageRow, type PostRow,
} from './rows';

export type ConversationQuery = z.output<typeof conversationQuerySchema>;

/** The most messages a conversation detail carries: the newest ones. */
export const DETAIL_MESSAGE_LIMIT = 500;

/** The statement a page of one filter reads: exported for the test of its plans. */
export const listSql = (where: string): string =>
  `SELECT ${CONVERSATION_COLUMNS} FROM conversations c ${CONVERSATION_JOINS} WHERE ${where} ORDER BY c.last_message_at DESC, c.seq DESC LIMIT ?`;

/** Up to `count` rows of a filter (one status or none), newest activity first, after the cursor's key. */
function newestRows(db: Db, filter: ConversationFilter, cursor: string | null | undefined, count: number): ConversationRow[] {
  const where = conversationWhere(filter);
  if (where === null) return [];
  const sql = [where.sql];
  const params = [...where.params];
  if (cursor) {
    const [lastMessageAt, seq] = decodeCursor(cursor, timeKeyCursor);
    sql.push('(c.last_message_at, c.seq) < (?, ?)');
    params.push(lastMessageAt, seq);
  }
  return cachedStatement<unknown[], ConversationRow>(db, listSql(sql.join(' AND '))).all(...params, count);
}

const newestFirst = (a: ConversationRow, b: ConversationRow): number => b.last_message_at - a.last_message_at || b.seq - a.seq;

/**
 * The filters a list reads, one status each: its own, or each of several (none given: every
 * status). A person's conversations are few and have their own index: read at once and sorted,
 * where a branch per status walked every conversation of the status for them (35 ms at 100,000
 * open ones, on each conversation opened).
 */
export function statusBranches(filter: ConversationFilter): ConversationFilter[] {
  if (filter.contactId !== undefined) return [filter];
  const statuses = filter.status === undefined ? CONVERSATION_STATUSES : Array.isArray(filter.status) ? filter.status : [filter.status];
  return statuses.map((status) => ({ ...filter, status }));
}

/**
 * Newest activity first, keyset-paged on (last_message_at, seq): a page costs the same at
 * the top and ten thousand rows down, and rows arriving meanwhile never repeat a row.
 * A list of several statuses, or of any ("Any status", a saved view without one), reads each
 * status's newest rows by its index and merges them: asked at once, SQLite read and sorted every
 * conversation to show the first page (131 ms at 200,000), again at every change a sync reported.
 */
export function listConversations(db: Db, query: ConversationQuery): Page<Conversation> {
  const { limit, cursor, ...filter } = query;
  const branches = statusBranches(filter);
  const rows =
    branches.length === 1
      ? newestRows(db, filter, cursor, limit + 1)
      : branches.flatMap((branch) => newestRows(db, branch, cursor, limit + 1)).sort(newestFirst).slice(0, limit + 1);
  const page = rows.slice(0, limit);
  const tags = tagsOf(db, page.map((row) => row.seq));
  const last = page.at(-1);
  const match = filter.text === undefined ? null : toFtsQuery(filter.text);
  const excerpts = match === null ? null : searchExcerpts(db, page.map((row) => row.seq), match);
  return {
    items: page.map((row) => withExcerpt(toConversation(row, tags.get(row.seq) ?? []), excerpts?.get(row.seq))),
    nextCursor: rows.length > limit && last ? encodeCursor([last.last_message_at, last.seq]) : null,
    total: countConversations(db, filter),
  };
}

/** A search's result says why it matched; a conversation listed otherwise has no excerpt field. */
const withExcerpt = (conversation: Conversation, excerpt: SearchExcerpt | undefined): Conversation => (excerpt ? { ...conversation, excerpt } : conversation);

export function countConversations(db: Db, filter: ConversationFilter): number {
  const counts = countsWhere(filter);
  if (counts) {
    const row = cachedStatement<unknown[], { n: number | null }>(db, `SELECT sum(n) AS n FROM conversation_counts cc WHERE ${counts.sql}`).get(...counts.params);
    return row?.n ?? 0;
  }
  const where = conversationWhere(filter);
  if (where === null) return 0;
  return cachedStatement<unknown[], { n: number }>(db, `SELECT count(*) AS n FROM conversations c WHERE ${where.sql}`).get(...where.params)?.n ?? 0;
}

export function getConversation(db: Db, id: string): ConversationDetail {
  const row = cachedStatement<[string], ConversationRow & { post_seq: number | null }>(db, `SELECT ${CONVERSATION_COLUMNS}, c.post_seq FROM conversations c ${CONVERSATION_JOINS} WHERE c.id = ?`)
    .get(id);
  if (!row) throw new ApiFailure('not_found', `No conversation with id ${id}.`);
  const messages = cachedStatement<[number, number], MessageRow>(db, `SELECT * FROM (SELECT ${MESSAGE_COLUMNS} FROM messages m ${MESSAGE_JOINS}
       WHERE m.conversation_seq = ? ORDER BY m.seq DESC LIMIT ?) ORDER BY seq`)
    .all(row.seq, DETAIL_MESSAGE_LIMIT);
  const post =
    row.post_seq === null
      ? undefined
      : cachedStatement<[number], PostRow>(db, 'SELECT id, external_id, text, permalink, created_at FROM posts WHERE seq = ?').get(row.post_seq);
  const activity = cachedStatement<[number], { at: number; actor: string; action: string; data: string }>(db, 'SELECT at, actor, action, data FROM (SELECT rowid, at, actor, action, data FROM activity WHERE conversation_seq = ? ORDER BY at DESC, rowid DESC LIMIT 50) ORDER BY at, rowid')
    .all(row.seq)
    .map((line) => ({ ...line, data: JSON.parse(line.data) as Record<string, unknown> }));
  return {
    ...toConversation(row, tagsOf(db, [row.seq]).get(row.seq) ?? []),
    post: post ? toPost(post) : null,
    messages: messages.map(toMessage),
    activity,
  };
}

function tagsOf(db: Db, conversationSeqs: number[]): Map<number, string[]> {
  const tags = new Map<number, string[]>();
  if (conversationSeqs.length === 0) return tags;
  const rows = cachedStatement<[string], { conversation_seq: number; name: string }>(db, `SELECT ctg.conversation_seq, t.name FROM conversation_tags ctg JOIN tags t ON t.seq = ctg.tag_seq
       WHERE ctg.conversation_seq IN (SELECT value FROM json_each(?)) ORDER BY t.name`)
    .all(JSON.stringify(conversationSeqs));
  for (const row of rows) tags.set(row.conversation_seq, [...(tags.get(row.conversation_seq) ?? []), row.name]);
  return tags;
}

/** `+status`: asked as is, SQLite counted through conversations_by_status, every open conversation (22 ms at 100,000); the urgent ones are few. */
export const OPEN_URGENT_SQL = "SELECT count(*) AS n FROM conversations WHERE urgent_at IS NOT NULL AND +status = 'open'";

/** The sidebar's numbers, from the trigger-kept counts table: a few dozen rows at most. */
export function conversationCounts(db: Db): ConversationCounts {
  const counts: ConversationCounts = {
    byStatus: { open: 0, snoozed: 0, done: 0, spam: 0 },
    openUnread: 0,
    openUrgent: cachedStatement<[], { n: number }>(db, OPEN_URGENT_SQL).get()?.n ?? 0,
    // A range of conversations_by_assignee: as many rows as are assigned to me, never the inbox.
    openAssignedToMe: countConversations(db, { status: 'open', assignedToMe: true }),
    drafts: cachedStatement<[], { n: number }>(db, 'SELECT count(*) AS n FROM drafts').get()?.n ?? 0,
    openByKind: { comment: 0, mention: 0, dm: 0 },
    openByPlatform: {},
  };
  const rows = cachedStatement<[], { platform: Platform; kind: ConversationKind; status: ConversationStatus; is_unread: number; n: number }>(db, 'SELECT platform, kind, status, is_unread, sum(n) AS n FROM conversation_counts GROUP BY 1, 2, 3, 4 HAVING sum(n) > 0')
    .all();
  for (const row of rows) {
    counts.byStatus[row.status] += row.n;
    if (row.status !== 'open') continue;
    counts.openByKind[row.kind] += row.n;
    counts.openByPlatform[row.platform] = (counts.openByPlatform[row.platform] ?? 0) + row.n;
    if (row.is_unread === 1) counts.openUnread += row.n;
  }
  return counts;
}
