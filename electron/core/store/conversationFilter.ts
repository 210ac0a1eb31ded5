import type { z } from 'zod';
import type { conversationQuerySchema } from '../../../shared/api/conversations';
import { toFtsQuery } from './ftsQuery';

export type ConversationFilter = Omit<z.output<typeof conversationQuerySchema>, 'limit' | 'cursor'>;

/** A WHERE clause and its bound values; values are never spliced into SQL. */
export type Clause = { sql: string; params: (string | number)[] };

const list = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** Conditions on `conversations c` for a filter. Returns null when the filter can match nothing. */
export function conversationWhere(filter: ConversationFilter): Clause | null {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    parts.push(sql);
    params.push(...values);
  };
  const inList = (column: string, values: string[] | undefined) => {
    if (values) add(`${column} IN (${placeholders(values)})`, ...values);
  };
  inList('c.status', list(filter.status));
  inList('c.platform', list(filter.platform));
  inList('c.kind', list(filter.kind));
  const accountIds = list(filter.accountId);
  if (accountIds) add(`c.account_seq IN (SELECT seq FROM accounts WHERE id IN (${placeholders(accountIds)}))`, ...accountIds);
  if (filter.assigneeId === null) add('c.assignee_id IS NULL');
  else if (filter.assigneeId !== undefined) add('c.assignee_id = ?', filter.assigneeId);
  if (filter.unread !== undefined) add(filter.unread ? 'c.unread_count > 0' : 'c.unread_count = 0');
  if (filter.tag !== undefined) {
    add('c.seq IN (SELECT ctg.conversation_seq FROM conversation_tags ctg JOIN tags t ON t.seq = ctg.tag_seq WHERE t.name = ?)', filter.tag);
  }
  if (filter.text !== undefined) {
    const match = toFtsQuery(filter.text);
    if (match === null) return null;
    add('c.seq IN (SELECT m.conversation_seq FROM messages m WHERE m.seq IN (SELECT rowid FROM message_search WHERE message_search MATCH ?))', match);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

/**
 * The same filter against the trigger-maintained `conversation_counts` table, when every
 * condition is one of its dimensions: totals then cost a handful of rows, not a scan.
 */
export function countsWhere(filter: ConversationFilter): Clause | null {
  if (filter.tag !== undefined || filter.text !== undefined || filter.assigneeId !== undefined) return null;
  const where = conversationWhere({ ...filter, unread: undefined });
  if (where === null) return null;
  const sql = where.sql.replace(/\bc\./gu, 'cc.');
  const unread = filter.unread === undefined ? '' : ` AND cc.is_unread = ${filter.unread ? 1 : 0}`;
  return { sql: sql + unread, params: where.params };
}
