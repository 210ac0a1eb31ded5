import { ApiFailure } from '../../../shared/api/result';
import type { ConversationKind } from '../../../shared/domain/entities';
import type { Platform } from '../../../shared/domain/platform';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/** A message a moderation action is asked for, with what checking and queueing it needs. */
export type TargetMessage = {
  messageSeq: number;
  messageExternalId: string;
  direction: 'in' | 'out';
  conversationId: string;
  conversationSeq: number;
  kind: ConversationKind;
  platform: Platform;
  accountId: string;
  authorExternalId: string;
  authorName: string;
};

const TARGET_COLUMNS = `m.seq AS messageSeq, m.external_id AS messageExternalId, m.direction, c.id AS conversationId, c.seq AS conversationSeq,
  c.kind, c.platform, a.id AS accountId, ct.external_id AS authorExternalId, coalesce(nullif(ct.name, ''), ct.handle) AS authorName`;
const TARGET_JOINS = 'JOIN conversations c ON c.seq = m.conversation_seq JOIN accounts a ON a.seq = c.account_seq JOIN contacts ct ON ct.seq = m.contact_seq';

/** These messages, in the order asked, once each; not_found names any that do not exist. */
export function messagesByIds(db: Db, ids: readonly string[]): TargetMessage[] {
  const unique = [...new Set(ids)];
  const rows = cachedStatement<[string], TargetMessage>(db, `SELECT ${TARGET_COLUMNS} FROM messages m ${TARGET_JOINS} WHERE m.seq IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(unique.map(Number)),
  );
  const bySeq = new Map(rows.map((row) => [String(row.messageSeq), row]));
  const missing = unique.filter((id) => !bySeq.has(id));
  if (missing.length > 0) throw new ApiFailure('not_found', `No message with id ${missing.join(', ')}.`);
  return unique.flatMap((id) => bySeq.get(id) ?? []);
}

/**
 * The latest message from someone else in each of these conversations (what a bulk action from
 * the list acts on), in the order asked. A conversation with none is refused by name.
 */
export function latestInboundOf(db: Db, conversationIds: readonly string[]): TargetMessage[] {
  const unique = [...new Set(conversationIds)];
  const ids = JSON.stringify(unique);
  const existing = new Set(cachedStatement<[string], { id: string }>(db, 'SELECT id FROM conversations WHERE id IN (SELECT value FROM json_each(?))').all(ids).map((row) => row.id));
  const missing = unique.filter((id) => !existing.has(id));
  if (missing.length > 0) throw new ApiFailure('not_found', `No conversation with id ${missing.join(', ')}.`);
  const rows = cachedStatement<[string], TargetMessage>(
    db,
    `SELECT ${TARGET_COLUMNS} FROM conversations asked JOIN messages m ON m.seq = (
       SELECT latest.seq FROM messages latest WHERE latest.conversation_seq = asked.seq AND latest.direction = 'in' ORDER BY latest.created_at DESC, latest.seq DESC LIMIT 1
     ) ${TARGET_JOINS} WHERE asked.id IN (SELECT value FROM json_each(?))`,
  ).all(ids);
  const byConversation = new Map(rows.map((row) => [row.conversationId, row]));
  const withoutInbound = unique.filter((id) => !byConversation.has(id));
  if (withoutInbound.length > 0) throw new ApiFailure('invalid_input', `No message from someone else to moderate in conversation ${withoutInbound.join(', ')}.`);
  return unique.flatMap((id) => byConversation.get(id) ?? []);
}
