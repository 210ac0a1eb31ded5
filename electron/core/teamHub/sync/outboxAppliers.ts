import type { z } from 'zod';
import { cachedStatement } from '../../store/statementCache';
import { applier, type ApplyContext, type Applier } from './applier';
import { outboxStateValue, outboxValue } from './changeValues';
import { personSeqOrNull, seqOf } from './localRows';

/**
 * A reply queued on any desktop, in the shared outbox; the account's lease holder sends it
 * (the outbox worker asks the lease keeper before it does).
 */
function addReply(context: ApplyContext, id: string, value: z.infer<typeof outboxValue>): void {
  const { db } = context;
  const conversationId = context.resolve('conversation', value.conversationId);
  const conversationSeq = seqOf(db, 'conversations', conversationId, 'conversation');
  const { state } = value;
  cachedStatement(
    db,
    `INSERT INTO outbox (id, idempotency_key, kind, in_reply_to_external_id, conversation_seq, text, payload, state, attempts, not_before, scheduled_for,
       last_error, sent_external_id, sent_at, created_at, updated_at, may_have_reached, queued_by_person_seq, held_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  ).run(
    id, value.idempotencyKey, value.kind, value.inReplyToExternalId, conversationSeq, value.text, JSON.stringify(value.payload), state.state, state.attempts,
    value.notBefore, value.scheduledFor, state.lastError, state.sentExternalId, state.sentAt, value.createdAt, context.now, state.mayHaveReached,
    personSeqOrNull(db, value.queuedByPersonId), state.heldReason,
  );
  context.touch(conversationId);
}

function moveReply(context: ApplyContext, id: string, state: z.infer<typeof outboxStateValue>): void {
  const { db } = context;
  const seq = seqOf(db, 'outbox', id, 'reply');
  cachedStatement(
    db,
    `UPDATE outbox SET state = ?, attempts = ?, last_error = ?, sent_external_id = ?, sent_at = ?, may_have_reached = ?, held_reason = ?, updated_at = ?
     WHERE seq = ?`,
  ).run(state.state, state.attempts, state.lastError, state.sentExternalId, state.sentAt, state.mayHaveReached, state.heldReason, context.now, seq);
  const conversationId = cachedStatement<[number], string>(db, 'SELECT c.id AS conversation_id FROM outbox o JOIN conversations c ON c.seq = o.conversation_seq WHERE o.seq = ?').pluck().get(seq);
  if (conversationId !== undefined) context.touch(conversationId);
}

export const OUTBOX_APPLIERS: Record<string, Record<string, Applier>> = {
  outbox: { created: applier('once', outboxValue, addReply), state: applier('field', outboxStateValue, moveReply) },
};
