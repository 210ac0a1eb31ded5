import type { OutboxItem } from '../../../shared/api/outbox';
import type { ModerationAction } from '../../../shared/domain/moderation';
import { newId } from '../ids';
import type { TargetMessage } from '../moderation/moderationTargets';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import type { ModerationPayload } from './moderationPayload';
import { getOutboxItem } from './outboxStore';

/**
 * Queues a moderation action on one message, or returns the identical one still waiting (a
 * double click, the same bulk twice): the platform is asked once.
 */
export function queueModeration(
  db: Db,
  target: TargetMessage,
  ask: { action: ModerationAction; reason: string | null; rule?: { seq: number; id: string; name: string } },
  times: { notBefore: number; now: number },
): OutboxItem {
  const { action, reason, rule } = ask;
  const messageId = String(target.messageSeq);
  const waiting = cachedStatement<[number, string, string], { id: string }>(
    db,
    `SELECT id FROM outbox WHERE conversation_seq = ? AND kind = 'moderation' AND state IN ('queued', 'sending')
       AND json_extract(payload, '$.messageId') = ? AND json_extract(payload, '$.action') = ? LIMIT 1`,
  ).get(target.conversationSeq, messageId, action);
  if (waiting) return getOutboxItem(db, waiting.id);
  const payload = {
    action,
    messageExternalId: target.messageExternalId,
    authorExternalId: target.authorExternalId,
    messageId,
    authorName: target.authorName,
    reason,
    rule: rule ? { id: rule.id, name: rule.name } : null,
  } satisfies ModerationPayload;
  const id = newId();
  cachedStatement(
    db,
    `INSERT INTO outbox (id, idempotency_key, kind, conversation_seq, text, payload, state, not_before, created_at, updated_at, rule_seq)
     VALUES (?, ?, 'moderation', ?, '', ?, 'queued', ?, ?, ?, ?)`,
  ).run(id, `moderation-${id}`, target.conversationSeq, JSON.stringify(payload), times.notBefore, times.now, times.now, rule?.seq ?? null);
  return getOutboxItem(db, id);
}
