import type { OutboxCounts, OutboxItem, OutboxKind, OutboxState } from '../../../shared/api/outbox';
import { ApiFailure } from '../../../shared/api/result';
import type { Platform } from '../../../shared/domain/platform';
import type { PlatformRef } from '../connectors/connector';
import { newId } from '../ids';
import { parsePlatformRef } from './platformRefs';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import { parseModerationPayload, toModerationTarget } from './moderationPayload';
import { heldTopicsOf } from '../sensitiveTopics/heldReason';

/** The queue's hot statements, kept together so a test can check that each reads an index. */
export const OUTBOX_SQL = {
  // The platform references: the answered message's, and the thread's root (the message the
  // thread is named after, else the conversation's first one).
  claim: `SELECT o.seq, o.id, c.id AS conversationId, a.id AS accountId, c.platform, c.kind, c.thread_external_id AS threadExternalId,
         o.in_reply_to_external_id AS inReplyToExternalId, o.text, o.idempotency_key AS idempotencyKey, o.kind AS outboxKind, o.payload, o.attempts, o.may_have_reached AS mayHaveReached,
         o.first_handed_over_at AS firstHandedOverAt, o.created_at AS createdAt, o.queued_by_person_seq AS queuedByPersonSeq,
         o.payload ->> '$.rule.id' AS ruleId, o.payload ->> '$.rule.name' AS ruleName,
         (SELECT m.platform_ref FROM messages m WHERE m.account_seq = a.seq AND m.external_id = o.in_reply_to_external_id) AS inReplyToRef,
         coalesce(
           (SELECT m.platform_ref FROM messages m WHERE m.account_seq = a.seq AND m.external_id = c.thread_external_id),
           (SELECT m.platform_ref FROM messages m WHERE m.conversation_seq = c.seq ORDER BY m.seq LIMIT 1)
         ) AS threadRef
       FROM outbox o INDEXED BY outbox_due JOIN conversations c ON c.seq = o.conversation_seq JOIN accounts a ON a.seq = c.account_seq
       WHERE o.state = 'queued' AND o.held_reason IS NULL AND o.not_before <= ? AND a.id IN (SELECT value FROM json_each(?))
       ORDER BY o.seq LIMIT 1`,
  nextDue: `SELECT min(o.not_before) AS at FROM outbox o INDEXED BY outbox_due JOIN conversations c ON c.seq = o.conversation_seq JOIN accounts a ON a.seq = c.account_seq
       WHERE o.state = 'queued' AND o.held_reason IS NULL AND a.id IN (SELECT value FROM json_each(?))`,
  counts: `SELECT (SELECT count(*) FROM outbox WHERE state = 'queued')
          + (SELECT count(*) FROM outbox WHERE state IN ('sending', 'failed', 'needs_check') AND state = 'sending') AS pending,
            (SELECT count(*) FROM outbox WHERE state IN ('sending', 'failed', 'needs_check') AND state <> 'sending') AS problems,
            (SELECT count(*) FROM outbox WHERE state IN ('sending', 'failed', 'needs_check') AND state = 'needs_check') AS needsCheck`,
  requeueInterruptedOf: `UPDATE outbox SET state = 'queued', not_before = ?, updated_at = ?, may_have_reached = 1
     WHERE state IN ('sending', 'failed', 'needs_check') AND state = 'sending'
       AND conversation_seq IN (SELECT c.seq FROM conversations c JOIN accounts a ON a.seq = c.account_seq WHERE a.id = ?)
     RETURNING (SELECT id FROM conversations WHERE seq = conversation_seq) AS conversation_id`,
};

type OutboxRow = {
  id: string;
  conversation_id: string;
  platform: Platform;
  kind: OutboxKind;
  recipient: string;
  text: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  may_have_reached: number;
  not_before: number;
  scheduled_for: number | null;
  last_error: string | null;
  sent_at: number | null;
  created_at: number;
  account_to_reconnect: string | null;
  held_reason: string | null;
  rule_name: string | null;
};

const ITEM_COLUMNS = `o.id, c.id AS conversation_id, c.platform, o.kind, coalesce(nullif(ct.name, ''), ct.handle) AS recipient, o.text, o.payload, o.state,
  o.attempts, o.may_have_reached, o.not_before, o.scheduled_for, o.last_error, o.sent_at, o.created_at,
  CASE WHEN a.needs_reconnecting = 1 THEN coalesce(nullif(a.handle, ''), a.name) END AS account_to_reconnect,
  o.held_reason, o.payload ->> '$.rule.name' AS rule_name`;
const ITEM_JOINS = 'JOIN conversations c ON c.seq = o.conversation_seq JOIN contacts ct ON ct.seq = c.contact_seq JOIN accounts a ON a.seq = c.account_seq';

const toItem = (row: OutboxRow): OutboxItem => ({
  id: row.id,
  conversationId: row.conversation_id,
  platform: row.platform,
  kind: row.kind,
  recipient: row.recipient,
  text: row.text,
  moderation: row.kind === 'moderation' ? toModerationTarget(parseModerationPayload(row.payload)) : null,
  state: row.state,
  attempts: row.attempts,
  mayHaveReached: row.may_have_reached === 1,
  notBefore: row.not_before,
  scheduledFor: row.scheduled_for,
  lastError: row.last_error,
  sentAt: row.sent_at,
  createdAt: row.created_at,
  accountToReconnect: row.account_to_reconnect,
  heldFor: heldTopicsOf(row.held_reason),
  ruleName: row.rule_name,
  isPrivateReply: row.kind === 'reply' && isPrivatePayload(row.payload),
});

/** A person's private reply keeps `{"privately": true}` in its payload (no column: nothing else reads it). */
export const isPrivatePayload = (payload: string): boolean => (JSON.parse(payload) as { privately?: unknown }).privately === true;

/** A claimed send that is a person's private reply. */
export const isPrivateSend = (send: Pick<ClaimedSend, 'outboxKind' | 'payload'>): boolean => send.outboxKind === 'reply' && isPrivatePayload(send.payload);

export function getOutboxItem(db: Db, id: string): OutboxItem {
  const row = cachedStatement<[string], OutboxRow>(db, `SELECT ${ITEM_COLUMNS} FROM outbox o ${ITEM_JOINS} WHERE o.id = ?`).get(id);
  if (!row) throw new ApiFailure('not_found', `No outbox item ${id}.`);
  return toItem(row);
}

export type NewReply = {
  conversationId: string;
  text: string;
  idempotencyKey: string;
  notBefore: number;
  scheduledFor: number | null;
  now: number;
  /**
   * Sent by Pieuvre on its own: an away reply keeps the off period it answers in its payload
   * (awayReplies/awayReplyFacts.ts); a rule's reply (kind 'reply', `ruleSeq` set) names its rule
   * there (rules/actions/replyAction.ts). `heldReason`: paused for a person's OK (sensitiveTopics/heldReason.ts).
   */
  automatic?: { kind: 'away_reply' | 'reply'; payload: string; ruleSeq?: number; heldReason?: string | null };
  /** Who queued a person's reply: its message will name them. */
  queuedByPersonSeq?: number;
  /** A person's private reply to the comment's author (Meta's Private Replies). */
  privately?: boolean;
};

/** Queues a reply (a person's, or an automatic one), or returns the row this idempotency key already made. */
export function insertReply(db: Db, reply: NewReply): OutboxItem {
  const conversation = cachedStatement<[string], { seq: number; in_reply_to: string | null }>(
    db,
    // The reply answers what the person saw when writing: the newest inbound message then.
    `SELECT c.seq, CASE WHEN c.kind = 'dm' THEN NULL ELSE (
       SELECT m.external_id FROM messages m WHERE m.conversation_seq = c.seq AND m.direction = 'in' ORDER BY m.seq DESC LIMIT 1
     ) END AS in_reply_to FROM conversations c WHERE c.id = ?`,
  ).get(reply.conversationId);
  if (!conversation) throw new ApiFailure('not_found', `No conversation ${reply.conversationId}.`);
  cachedStatement(
    db,
    `INSERT INTO outbox (id, idempotency_key, kind, payload, in_reply_to_external_id, conversation_seq, text, state, not_before, scheduled_for, created_at, updated_at,
       queued_by_person_seq, rule_seq, held_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
  ).run(
    newId(), reply.idempotencyKey, reply.automatic?.kind ?? 'reply', reply.automatic?.payload ?? (reply.privately ? '{"privately":true}' : '{}'), conversation.in_reply_to, conversation.seq,
    reply.text, reply.notBefore, reply.scheduledFor, reply.now, reply.now, reply.queuedByPersonSeq ?? null, reply.automatic?.ruleSeq ?? null, reply.automatic?.heldReason ?? null,
  );
  const stored = cachedStatement<[string], { id: string; conversation_seq: number; text: string }>(db, 'SELECT id, conversation_seq, text FROM outbox WHERE idempotency_key = ?').get(
    reply.idempotencyKey,
  );
  if (stored === undefined) throw new Error(`The reply ${reply.idempotencyKey} was queued but cannot be read back.`);
  // A key names one reply: the same key with another conversation or text is a client's mistake,
  // never "already done". (An automatic reply's key names what it answers: its text may be rendered anew.)
  if (!reply.automatic && (stored.conversation_seq !== conversation.seq || stored.text !== reply.text)) {
    throw new ApiFailure('conflict', `idempotencyKey: ${reply.idempotencyKey} already names another reply.`);
  }
  return getOutboxItem(db, stored.id);
}

export type OutboxScope = 'pending' | 'problems' | 'all';

/**
 * Each scope's rows, soonest first for what waits, newest first once done. The outbox keeps every
 * reply ever sent and the view reads all three scopes on every change while it is open: each one
 * reads an index, never the whole table (outboxQueryPlans.test.ts). What waits (queued, sending)
 * and the problems (failed, needs_check) are written as the partial indexes' own terms
 * (outbox_due, outbox_open), which a list of states bound as a parameter never matched; the
 * history walks outbox_by_created from its newest end and stops at the limit.
 */
const OUTBOX_LIST: Record<OutboxScope, { where: string; order: string }> = {
  // Two partial indexes: an OR of their terms read the table.
  pending: {
    where: "o.seq IN (SELECT seq FROM outbox WHERE state = 'queued' UNION ALL SELECT seq FROM outbox WHERE state IN ('sending', 'failed', 'needs_check') AND state = 'sending')",
    order: 'o.not_before, o.seq',
  },
  problems: { where: "o.state IN ('sending', 'failed', 'needs_check') AND o.state <> 'sending'", order: 'o.created_at DESC, o.seq DESC' },
  all: { where: 'true', order: 'o.created_at DESC, o.seq DESC' },
};

/** The statement for a scope, of one conversation or of all. */
export const outboxListSql = (scope: OutboxScope, ofConversation: boolean): string =>
  `SELECT ${ITEM_COLUMNS} FROM outbox o ${ITEM_JOINS} WHERE ${OUTBOX_LIST[scope].where}${ofConversation ? ' AND c.id = ?' : ''} ORDER BY ${OUTBOX_LIST[scope].order} LIMIT ?`;

export function listOutbox(db: Db, query: { scope: OutboxScope; conversationId?: string | undefined; limit: number }): OutboxItem[] {
  const params: (string | number)[] = [...(query.conversationId === undefined ? [] : [query.conversationId]), query.limit];
  return cachedStatement<(string | number)[], OutboxRow>(db, outboxListSql(query.scope, query.conversationId !== undefined))
    .all(...params)
    .map(toItem);
}

export function countOutbox(db: Db): OutboxCounts {
  const row = cachedStatement<[], OutboxCounts>(
    db,
    // Each part reads its partial index (outbox_due, outbox_open), never the rows already sent.
    OUTBOX_SQL.counts,
  ).get();
  return { pending: row?.pending ?? 0, problems: row?.problems ?? 0, needsCheck: row?.needsCheck ?? 0 };
}

/**
 * A change the person asked for, applied only from the states it makes sense in: two windows
 * racing (undo just as the delay ends) get a clear "too late", never a half-sent reply. With
 * `keepsDelivered`, a row an earlier attempt may have delivered is left alone (needs_check
 * excepted: there the person has looked): a new draft in its place could double the reply.
 */
export function changeWaiting(
  db: Db,
  id: string,
  from: readonly OutboxState[],
  change: { sql: string; params: (string | number | null)[]; keepsDelivered?: boolean },
  tooLate: string,
): OutboxItem {
  const delivered = change.keepsDelivered ? " AND (may_have_reached = 0 OR state = 'needs_check')" : '';
  const { changes } = db
    .prepare(`UPDATE outbox SET ${change.sql} WHERE id = ? AND state IN (SELECT value FROM json_each(?))${delivered}`)
    .run(...change.params, id, JSON.stringify(from));
  if (changes === 0) {
    const item = getOutboxItem(db, id);
    if (from.includes(item.state) && item.mayHaveReached) {
      throw new ApiFailure('conflict', 'It may already be on the platform: try again (Pieuvre looks there first) or check the conversation on the platform.');
    }
    throw new ApiFailure('conflict', `${tooLate} (it is ${item.state.replace('_', ' ')}).`);
  }
  return getOutboxItem(db, id);
}

/** Everything one attempt needs, read when the row is claimed. */
export type ClaimedSend = {
  seq: number;
  id: string;
  conversationId: string;
  accountId: string;
  kind: 'comment' | 'mention' | 'dm';
  threadExternalId: string;
  inReplyToExternalId: string | null;
  text: string;
  idempotencyKey: string;
  outboxKind: OutboxKind;
  /** JSON: what a moderation action acts on ({} for replies). */
  payload: string;
  /** Failures counted so far (transient, permanent): what backoff and giving up go by. */
  attempts: number;
  /** An earlier attempt may have reached the platform: ask it before posting again. */
  mayHaveReached: boolean;
  /** When a first attempt handed it to the platform (epoch ms); null when none did, or not known. */
  firstHandedOverAt: number | null;
  platform: Platform;
  /** The platform references of the thread's root and of the message answered, as the connector stored them. */
  threadRef: PlatformRef;
  inReplyToRef: PlatformRef;
  /** A person's reply, as opposed to an automatic one (an away reply, a rule's): Meta's HUMAN_AGENT tag is for people only. */
  isHumanTyped: boolean;
  /** The rule that queued an automatic reply, as it was named then; null for anything else. */
  rule: { id: string; name: string } | null;
  /** When it was written (queued): the ledger counts after-hours work when it was done. */
  createdAt: number;
  /** Who queued a person's reply; null for automatic ones (or once that person left the team). */
  queuedByPersonSeq: number | null;
};

/**
 * Takes the oldest due row of an account that can send now (connected, not paused), and marks
 * it sending. It starts from the queue's own index: joined the other way, SQLite would walk
 * every conversation of every connected account.
 */
export function claimNext(db: Db, now: number, sendableAccountIds: readonly string[]): ClaimedSend | null {
  return db.transaction((): ClaimedSend | null => {
    type ClaimRow = Omit<ClaimedSend, 'isHumanTyped' | 'mayHaveReached' | 'threadRef' | 'inReplyToRef' | 'rule'> & {
      mayHaveReached: number;
      threadRef: string | null;
      inReplyToRef: string | null;
      ruleId: string | null;
      ruleName: string | null;
    };
    const row = cachedStatement<[number, string], ClaimRow>(db, OUTBOX_SQL.claim).get(now, JSON.stringify(sendableAccountIds));
    if (!row) return null;
    // A claim is not a failure: waiting for the network or a rate limit, or a crash, never counts.
    cachedStatement(db, "UPDATE outbox SET state = 'sending', updated_at = ? WHERE seq = ?").run(now, row.seq);
    const { ruleId, ruleName, ...send } = row;
    const rule = row.outboxKind === 'reply' && ruleId !== null && ruleName !== null ? { id: ruleId, name: ruleName } : null;
    return {
      ...send,
      rule,
      mayHaveReached: row.mayHaveReached === 1,
      isHumanTyped: row.outboxKind === 'reply' && rule === null,
      threadRef: parsePlatformRef(row.threadRef),
      inReplyToRef: parsePlatformRef(row.inReplyToRef),
    };
  }).immediate();
}

/**
 * The end of one attempt: sent, back in the queue, failed, or held for the person to check.
 * `isCounted`: a failure that brings giving up closer (a 5xx, a timeout, a refusal), as
 * opposed to waiting for the network or a rate limit, which says nothing about the reply.
 */
export type AttemptOutcome =
  | { state: 'sent'; externalId: string | null }
  | { state: 'queued'; notBefore: number; error: string; mayHaveReached?: boolean; isCounted?: boolean }
  | { state: 'failed' | 'needs_check'; error: string; mayHaveReached?: boolean; isCounted?: boolean }
  /** Not sent on purpose: an away reply no longer wanted (someone answered, the account opened). */
  | { state: 'cancelled'; error: string };

export function recordOutcome(db: Db, seq: number, outcome: AttemptOutcome, now: number): void {
  const sent = outcome.state === 'sent';
  cachedStatement(
    db,
    `UPDATE outbox SET state = ?, not_before = coalesce(?, not_before), last_error = ?, sent_external_id = ?, sent_at = ?, updated_at = ?,
       may_have_reached = max(may_have_reached, ?), attempts = attempts + ?
     WHERE seq = ? AND state = 'sending'`,
  ).run(
    outcome.state,
    outcome.state === 'queued' ? outcome.notBefore : null,
    sent ? null : outcome.error,
    sent ? outcome.externalId : null,
    sent ? now : null,
    now,
    'mayHaveReached' in outcome && outcome.mayHaveReached ? 1 : 0,
    'isCounted' in outcome && outcome.isCounted ? 1 : 0,
    seq,
  );
}

/**
 * Committed just before a reply is handed to its platform: the first such time starts the
 * platform's idempotency window, which later attempts are measured against.
 */
export function markHandedOver(db: Db, seq: number, now: number): void {
  cachedStatement(db, 'UPDATE outbox SET first_handed_over_at = coalesce(first_handed_over_at, ?) WHERE seq = ?').run(now, seq);
}

/**
 * After a crash, a row of this account still `sending` may or may not have reached the
 * platform. It goes back to the queue marked so, and the next attempt checks the platform
 * first. The crash is ours, not the platform's: it does not count toward giving up. In a team,
 * the crash may be another desktop's whose claim came with the shared outbox: this desktop,
 * now holding the account's lease, likewise asks the platform before posting.
 */
export function requeueInterruptedOf(db: Db, accountId: string, now: number): string[] {
  // Matching outbox_open's condition lets SQLite read the partial index, not the whole table.
  return cachedStatement<[number, number, string], { conversation_id: string }>(db, OUTBOX_SQL.requeueInterruptedOf)
    .all(now, now, accountId)
    .map((row) => row.conversation_id);
}

/**
 * After a restore, what waits in the restored data may have been sent since that backup was
 * taken: each such send asks the platform before it goes again, and can no longer be edited
 * into a second reply. Returns how many were marked.
 */
export function markWaitingAsMaybeSent(db: Db, now: number): number {
  return cachedStatement<[number]>(
    db,
    "UPDATE outbox SET may_have_reached = 1, updated_at = ? WHERE state IN ('queued', 'sending', 'failed') AND may_have_reached = 0",
  ).run(now).changes;
}

/** When the queue next has something due for these accounts; null when nothing waits. */
export function nextDueAt(db: Db, sendableAccountIds: readonly string[]): number | null {
  return (
    cachedStatement<[string], { at: number | null }>(
      db,
      OUTBOX_SQL.nextDue,
    ).get(JSON.stringify(sendableAccountIds))?.at ?? null
  );
}
