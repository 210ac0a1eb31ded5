import type { CoreContext } from '../coreContext';
import { PRIVATE_REPLY_REF_KIND, type SentReply } from '../connectors/connector';
import { recordReply } from '../store/conversationMutations';
import { recordReplySent } from '../wellbeing/recordReplySent';
import { cachedStatement } from '../store/statementCache';
import { recordSender, type SenderRecord } from '../store/messageSender';
import { me } from '../duty/people';
import { isPrivateSend, type ClaimedSend } from './outboxStore';
import { ruleActor } from '../rules/ruleRecords';

type ReplyContext = {
  platform: string;
  account_external_id: string;
  account_name: string;
  account_handle: string;
  post_external_id: string | null;
  post_text: string | null;
  post_permalink: string | null;
  post_created_at: number | null;
};

/**
 * A sent reply enters the thread through ingest, like every other message, so it is counted,
 * searchable and deduplicated by its platform id, and goes on the record with who sent it
 * (the digest's "who handled it") and, written off duty, in my wellbeing ledger, all in one
 * transaction: recording it again after a crash adds neither a second message nor a second line.
 */
export function recordSentReply(ctx: CoreContext, send: ClaimedSend, sent: SentReply): void {
  ctx.db.transaction(() => storeSentReply(ctx, send, sent))();
}

function storeSentReply(ctx: CoreContext, send: ClaimedSend, sent: SentReply): void {
  const row = cachedStatement<[string], ReplyContext>(
    ctx.db,
    `SELECT c.platform, a.external_id AS account_external_id, a.name AS account_name, a.handle AS account_handle,
       p.external_id AS post_external_id, p.text AS post_text, p.permalink AS post_permalink, p.created_at AS post_created_at
     FROM conversations c JOIN accounts a ON a.seq = c.account_seq LEFT JOIN posts p ON p.seq = c.post_seq WHERE c.id = ?`,
  ).get(send.conversationId);
  if (!row) throw new Error(`Conversation ${send.conversationId} disappeared while its reply was sent.`);
  const post = row.post_external_id === null ? null : { externalId: row.post_external_id, text: row.post_text ?? '', permalink: row.post_permalink, createdAt: row.post_created_at };
  const { rejected, inserted } = ctx.ingest({
    accountId: send.accountId,
    source: `reply:${row.platform}`,
    items: [
      {
        platform: row.platform,
        kind: send.kind === 'comment' ? 'reply' : send.kind,
        direction: 'out',
        externalId: sent.externalId,
        threadExternalId: send.threadExternalId,
        parentExternalId: send.inReplyToExternalId,
        author: { externalId: row.account_external_id, handle: row.account_handle, name: row.account_name },
        text: send.text,
        createdAt: sent.createdAt,
        permalink: sent.permalink,
        // What deleting the brand's own reply later will need; a private reply's says so, for the thread.
        ref: isPrivateSend(send) ? { ...sent.ref, kind: PRIVATE_REPLY_REF_KIND } : (sent.ref ?? null),
        post,
      },
    ],
  });
  if (rejected > 0) throw new Error(`The reply ${sent.externalId} was sent but the platform's answer could not be stored.`);
  // Also when sync stored it first (as written outside Pieuvre): the outbox knows who sent it.
  const sender = senderOf(send);
  recordSender(ctx.db, { accountId: send.accountId, externalId: sent.externalId }, sender);
  if (inserted === 0) return;
  // A message's id in the API is its key.
  const seq = cachedStatement<[string, string], { seq: number }>(
    ctx.db,
    'SELECT m.seq FROM messages m JOIN accounts a ON a.seq = m.account_seq WHERE a.id = ? AND m.external_id = ?',
  ).get(send.accountId, sent.externalId)?.seq;
  if (seq === undefined) return;
  const messageId = String(seq);
  const isMine = sender.kind === 'person' && sender.personSeq === me(ctx.db, ctx.clock()).seq;
  recordReply(ctx.db, { conversationId: send.conversationId, messageId }, actorOf(ctx, send, isMine), ctx.clock());
  // My wellbeing ledger counts my replies only.
  if (isMine) recordReplySent(ctx, { messageId, at: send.createdAt });
}

function senderOf(send: ClaimedSend): SenderRecord {
  if (send.outboxKind === 'away_reply') return { kind: 'away_reply' };
  if (send.rule) return { kind: 'rule', ruleName: send.rule.name };
  return { kind: 'person', personSeq: send.queuedByPersonSeq };
}

/** The history's actor: 'me', a teammate's id (the digest names them), 'away_reply', or the rule ('rule:<id>'). */
function actorOf(ctx: CoreContext, send: ClaimedSend, isMine: boolean): string {
  if (send.rule) return ruleActor(send.rule);
  if (!send.isHumanTyped) return 'away_reply';
  if (isMine || send.queuedByPersonSeq === null) return 'me';
  return cachedStatement<[number], { id: string }>(ctx.db, 'SELECT id FROM people WHERE seq = ?').get(send.queuedByPersonSeq)?.id ?? 'me';
}
