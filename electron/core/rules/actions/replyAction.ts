import type { PlannedAction } from '../../../../shared/api/rules';
import { HOSTILE_THRESHOLD, type ConversationStatus } from '../../../../shared/domain/entities';
import type { RuleAction } from '../../../../shared/rules/ruleSchema';
import { lastHumanReplyAt } from '../../awayReplies/awayReplyFacts';
import { insertReply } from '../../outbox/outboxStore';
import { automaticReplyRefusal } from '../../replies/automaticReplyRefusal';
import { heldReasonAt, heldTopicsOf } from '../../sensitiveTopics/heldReason';
import { prepareActivityWriter } from '../../store/activity';
import { cachedStatement } from '../../store/statementCache';
import { TemplateService } from '../../templates/templateService';
import type { ActionRunner, RuleActionContext } from '../ruleActionContext';
import { ruleActor } from '../ruleRecords';
import type { RuleReplySkip } from '../../../../shared/rules/ruleReplySkips';
import { recordRuleReplySkip, RULE_REPLY_SKIPS } from './ruleReplyRecord';
import { spamThreshold } from './spamThreshold';

type ReplyRule = Extract<RuleAction, { type: 'reply' }>;
type Rendered = NonNullable<ReturnType<TemplateService['renderForAutomaticSend']>>;
type Verdict = { skip: RuleReplySkip; detail: string } | { rendered: Rendered; key: string };

/** The one fire mark of "once per conversation" (rule_fires.fire_key). */
const FIRE_KEY = 'reply';

/**
 * A rule's reply with a template: the away replies' safeguards, in this order, for the live
 * rule and the dry run alike: never to spam (marked, or scoring above the spam rule's
 * threshold) or to a hostile message, once per conversation unless told otherwise, never
 * after someone answered by hand, rendered in the conversation's language without echoing a
 * stranger's words, and only what the platform would take. Queued with no undo delay (nobody
 * is there to undo it), held for a person's OK while a sensitive topic is active. A skip is
 * explained in `detail` and, live, on the conversation's record.
 */
export const replyAction: ActionRunner<'reply'> = (ctx, action) => {
  const verdict = decide(ctx, action);
  if ('skip' in verdict) {
    if (!ctx.isDryRun) recordRuleReplySkip(ctx.db, { conversationId: ctx.conversation.id, rule: ctx.rule, reason: verdict.skip, detail: verdict.detail, at: ctx.at });
    return { action, outcome: 'skip', detail: verdict.detail };
  }
  const heldReason = heldReasonAt(ctx.db, ctx.at);
  const held = heldTopicsOf(heldReason);
  const detail = held ? `Waits for a person’s OK: sensitive topic « ${held.join(', ')} » is active.` : undefined;
  if (!ctx.isDryRun) queue(ctx, action, verdict, heldReason);
  return { action, outcome: 'apply', ...(detail === undefined ? {} : { detail }) } satisfies PlannedAction;
};

function decide(ctx: RuleActionContext, action: ReplyRule): Verdict {
  const { db, conversation, message } = ctx;
  const skip = (reason: RuleReplySkip, detail = RULE_REPLY_SKIPS[reason]): Verdict => ({ skip: reason, detail });
  // As it is now: an earlier action of this very rule may have marked it spam.
  const status = cachedStatement<[number], { status: ConversationStatus }>(db, 'SELECT status FROM conversations WHERE seq = ?').get(conversation.seq)?.status;
  if (status === 'spam') return skip('spam');
  if (message && message.hostility >= HOSTILE_THRESHOLD) return skip('hostile');
  const threshold = ctx.facts ? spamThreshold(db) : null;
  if (ctx.facts && threshold !== null && (ctx.facts.spamScore ?? 0) > threshold) return skip('spamScore');
  if (action.oncePerConversation && hasFired(ctx)) return skip('alreadyReplied');
  const key = replyKey(ctx, action);
  if (cachedStatement<[string], { found: number }>(db, 'SELECT 1 AS found FROM outbox WHERE idempotency_key = ?').get(key)) return skip('alreadyQueued');
  const answeredAt = lastHumanReplyAt(db, conversation.id);
  if (answeredAt !== null && answeredAt >= (message?.created_at ?? -Infinity)) return skip('teammateReplied');
  const rendered = new TemplateService({ db, clock: () => ctx.at }).renderForAutomaticSend(conversation.id, action.templateId);
  if (!rendered) return skip('noTemplate');
  if (rendered.problem || rendered.text === '') return skip('templateProblem', rendered.problem ? `${RULE_REPLY_SKIPS.templateProblem} ${rendered.problem.message}` : RULE_REPLY_SKIPS.templateProblem);
  const refusal = automaticReplyRefusal(ctx.connectors.find(conversation.accountId), db, conversation.id, rendered.text, ctx.at);
  if (refusal !== null) return skip('platformRefused', `${RULE_REPLY_SKIPS.platformRefused} ${refusal}`);
  return { rendered, key };
}

const hasFired = ({ db, rule, conversation }: RuleActionContext): boolean =>
  cachedStatement<[number, number, string], { found: number }>(db, 'SELECT 1 AS found FROM rule_fires WHERE rule_seq = ? AND conversation_seq = ? AND fire_key = ?').get(
    rule.seq,
    conversation.seq,
    FIRE_KEY,
  ) !== undefined;

/** One reply per rule and conversation (and message, when not once): a replayed event finds it queued. */
function replyKey({ rule, conversation, message, at }: RuleActionContext, action: ReplyRule): string {
  const base = `rule:${rule.id}:${conversation.id}`;
  if (action.oncePerConversation) return base;
  return message ? `${base}:${message.seq}` : `${base}:at:${at}`;
}

function queue(ctx: RuleActionContext, action: ReplyRule, verdict: Extract<Verdict, { key: string }>, heldReason: string | null): void {
  const { db, rule, conversation, message, at } = ctx;
  const { rendered } = verdict;
  const item = insertReply(db, {
    conversationId: conversation.id,
    text: rendered.text,
    idempotencyKey: verdict.key,
    notBefore: at,
    scheduledFor: null,
    now: at,
    automatic: { kind: 'reply', payload: JSON.stringify({ rule: { id: rule.id, name: rule.name }, messageId: message ? String(message.seq) : null }), ruleSeq: rule.seq, heldReason },
  });
  if (action.oncePerConversation) {
    cachedStatement(db, 'INSERT INTO rule_fires (rule_seq, conversation_seq, fire_key, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(rule.seq, conversation.seq, FIRE_KEY, at);
  }
  const template = new TemplateService({ db, clock: () => at }).get(action.templateId).name;
  prepareActivityWriter(db)({
    at,
    actor: ruleActor(rule),
    action: 'conversation.ruleReplyQueued',
    subjectType: 'conversation',
    subjectId: conversation.id,
    data: {
      rule: rule.name,
      outboxId: item.id,
      template,
      language: rendered.language,
      ...(item.heldFor ? { heldFor: item.heldFor } : {}),
      // What the person's name was not repeated for, so the history can say why the reply reads "Hi there".
      ...(rendered.withheld.length > 0 ? { withheld: rendered.withheld } : {}),
    },
  });
}
