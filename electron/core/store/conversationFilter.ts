import type { z } from 'zod';
import type { conversationQuerySchema } from '../../../shared/api/conversations';
import { toFtsQuery } from './ftsQuery';

export type ConversationFilter = Omit<z.output<typeof conversationQuerySchema>, 'limit' | 'cursor'>;

/** A WHERE clause and its bound values; values are never spliced into SQL. */
export type Clause = { sql: string; params: (string | number)[] };

const list = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * Conditions for a filter on `conversations` (or on `conversation_counts`, whose dimensions
 * share their column names) under `alias`. Returns null when the filter can match nothing.
 */
export function conversationWhere(filter: ConversationFilter, alias = 'c'): Clause | null {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    parts.push(sql);
    params.push(...values);
  };
  const inList = (column: string, values: string[] | undefined) => {
    if (values) add(`${column} IN (${placeholders(values)})`, ...values);
  };
  inList(`${alias}.status`, list(filter.status));
  inList(`${alias}.platform`, list(filter.platform));
  inList(`${alias}.kind`, list(filter.kind));
  const accountIds = list(filter.accountId);
  if (accountIds) add(`${alias}.account_seq IN (SELECT seq FROM accounts WHERE id IN (${placeholders(accountIds)}))`, ...accountIds);
  if (filter.assigneeId === null) add(`${alias}.assignee_id IS NULL`);
  else if (filter.assigneeId !== undefined) add(`${alias}.assignee_id = ?`, filter.assigneeId);
  if (filter.assignedToMe) add(`${alias}.assignee_id = (SELECT id FROM people WHERE is_me = 1)`);
  if (filter.hasDraft) add(`${alias}.seq IN (SELECT conversation_seq FROM drafts)`);
  if (filter.urgent !== undefined) add(`${alias}.urgent_at IS ${filter.urgent ? 'NOT ' : ''}NULL`);
  if (filter.contactId !== undefined) add(`${alias}.contact_seq = (SELECT seq FROM contacts WHERE id = ?)`, filter.contactId);
  if (filter.unread !== undefined) add(`${alias}.unread_count ${filter.unread ? '> 0' : '= 0'}`);
  if (filter.tag !== undefined) {
    add(`${alias}.seq IN (SELECT ctg.conversation_seq FROM conversation_tags ctg JOIN tags t ON t.seq = ctg.tag_seq WHERE t.name = ?)`, filter.tag);
  }
  if (filter.text !== undefined) {
    const match = toFtsQuery(filter.text);
    if (match === null) return null;
    add(`${alias}.seq IN (SELECT m.conversation_seq FROM messages m WHERE m.seq IN (SELECT rowid FROM message_search WHERE message_search MATCH ?))`, match);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

/**
 * The same filter against the trigger-maintained `conversation_counts` table, when every
 * condition is one of its dimensions: totals then cost a handful of rows, not a scan.
 */
export function countsWhere(filter: ConversationFilter): Clause | null {
  if (filter.tag !== undefined || filter.text !== undefined || filter.assigneeId !== undefined || filter.assignedToMe !== undefined || filter.hasDraft !== undefined || filter.contactId !== undefined || filter.urgent !== undefined) return null;
  const where = conversationWhere({ ...filter, unread: undefined }, 'cc');
  if (where === null) return null;
  const unread = filter.unread === undefined ? '' : ` AND cc.is_unread = ${filter.unread ? 1 : 0}`;
  return { sql: where.sql + unread, params: where.params };
}
