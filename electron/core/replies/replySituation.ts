import { ApiFailure } from '../../../shared/api/result';
import type { ConversationKind } from '../../../shared/domain/entities';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import type { ReplySituation } from './replyPolicy';

type SituationRow = {
  account_id: string;
  kind: ConversationKind;
  last_inbound_at: number | null;
  account_handle: string;
  answered_text: string | null;
  answered_hidden: number | null;
  answered_at: number | null;
  private_used: number;
};

/**
 * A conversation as its platform's reply rules see it. `answeredExternalId` is the message a
 * queued reply answers; without it, the newest inbound message (what the composer shows). A
 * private reply queued, being sent or sent for that message uses its one private reply, except
 * the outbox row `exceptKey` names (the send being checked).
 */
export function replySituation(db: Db, conversationId: string, answeredExternalId?: string | null, exceptKey?: string): ReplySituation & { accountId: string } {
  const row = cachedStatement<[{ answered: string | null; id: string; exceptKey: string | null }], SituationRow>(
    db,
    `SELECT a.id AS account_id, c.kind, c.last_inbound_at, a.handle AS account_handle, m.text AS answered_text, m.is_hidden AS answered_hidden,
       m.created_at AS answered_at,
       EXISTS (SELECT 1 FROM outbox o WHERE o.conversation_seq = c.seq AND o.in_reply_to_external_id = m.external_id AND o.payload ->> '$.privately' = 1
         AND o.state IN ('queued', 'sending', 'sent', 'needs_check') AND o.idempotency_key IS NOT @exceptKey) AS private_used
     FROM conversations c JOIN accounts a ON a.seq = c.account_seq
     LEFT JOIN messages m ON m.seq = coalesce(
       (SELECT seq FROM messages WHERE account_seq = c.account_seq AND external_id = @answered),
       -- Message keys grow with creation time: the newest inbound is the highest seq.
       (SELECT seq FROM messages WHERE conversation_seq = c.seq AND direction = 'in' ORDER BY seq DESC LIMIT 1))
     WHERE c.id = @id`,
  ).get({ answered: answeredExternalId ?? null, id: conversationId, exceptKey: exceptKey ?? null });
  if (!row) throw new ApiFailure('not_found', `No conversation ${conversationId}.`);
  return {
    accountId: row.account_id,
    kind: row.kind,
    lastInboundAt: row.last_inbound_at,
    accountHandle: row.account_handle,
    answered: row.answered_text === null ? null : { text: row.answered_text, isHidden: row.answered_hidden === 1 },
    privateReply: row.answered_at === null ? null : { commentAt: row.answered_at, isUsed: row.private_used === 1 },
  };
}
