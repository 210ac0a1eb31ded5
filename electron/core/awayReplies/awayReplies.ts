import type { AwaySkipReason } from '../../../shared/api/awayReplies';
import { businessHoursOf } from '../accounts/businessHours';
import type { CoreContext } from '../coreContext';
import type { IngestedMessage } from '../ingest/triageHook';
import { insertReply } from '../outbox/outboxStore';
import { automaticReplyRefusal } from '../replies/automaticReplyRefusal';
import { prepareActivityWriter } from '../store/activity';
import { heldReasonAt } from '../sensitiveTopics/heldReason';
import type { TemplateService } from '../templates/templateService';
import { AWAY_ACTOR, earlierAwayReplies, awayReplyKey, lastHumanReplyAt, messageFacts, recordSkip } from './awayReplyFacts';
import { awayReplySettingsFor } from './awayReplySettings';
import { decideAwayReply, mayNeedAwayReply } from './decideAwayReply';

/**
 * Away replies, run on each ingested batch after it committed: every message the decision
 * answers gets its template, rendered in the conversation's language, queued in the outbox
 * (no undo delay: nobody is there to undo it) and recorded; skips a person would ask about
 * are recorded with their reason. `onQueued` wakes the outbox.
 */
export function createAwayReplies(ctx: CoreContext, templates: TemplateService, onQueued: (conversationIds: string[]) => void): (messages: readonly IngestedMessage[]) => void {
  const consider = ctx.db.transaction((message: IngestedMessage): string | null => {
    const now = ctx.clock();
    if (!mayNeedAwayReply({ direction: message.item.direction, writtenAt: message.item.createdAt, now })) return null;
    const facts = messageFacts(ctx.db, message.seq);
    if (!facts) return null;
    const decision = decideAwayReply({
      settings: awayReplySettingsFor(ctx.db, facts.accountId),
      direction: message.item.direction,
      kind: facts.kind,
      status: facts.status,
      hostility: facts.hostility,
      hours: businessHoursOf(ctx.db, facts.accountId),
      writtenAt: message.item.createdAt,
      now,
      earlier: earlierAwayReplies(ctx.db, facts.conversationId),
      lastHumanReplyAt: lastHumanReplyAt(ctx.db, facts.conversationId),
    });
    if (decision.kind === 'ignore') return null;
    const skip = (reason: AwaySkipReason, detail?: string) => {
      recordSkip(ctx.db, { conversationId: facts.conversationId, periodStart: decision.periodStart, reason, at: now, ...(detail === undefined ? {} : { detail }) });
      return null;
    };
    if (decision.kind === 'skip') return skip(decision.reason);
    const rendered = templates.renderForAutomaticSend(facts.conversationId, decision.templateId);
    if (!rendered || rendered.problem || rendered.text === '') return skip('templateProblem', rendered?.problem?.message);
    const refusal = automaticReplyRefusal(ctx.connectors.find(facts.accountId), ctx.db, facts.conversationId, rendered.text, now);
    if (refusal !== null) return skip('platformRefused', refusal);
    const item = insertReply(ctx.db, {
      conversationId: facts.conversationId,
      text: rendered.text,
      idempotencyKey: awayReplyKey(facts.conversationId, decision.periodStart),
      notBefore: now,
      scheduledFor: null,
      now,
      automatic: { kind: 'away_reply', payload: JSON.stringify({ periodStart: decision.periodStart }), heldReason: heldReasonAt(ctx.db, now) },
    });
    prepareActivityWriter(ctx.db)({
      at: now,
      actor: AWAY_ACTOR,
      action: 'conversation.awayReplyQueued',
      subjectType: 'conversation',
      subjectId: facts.conversationId,
      data: {
        outboxId: item.id,
        template: templates.get(decision.templateId).name,
        language: rendered.language,
        period: decision.periodStart,
        // What the person's name was not repeated for, so the history can say why the reply reads "Hi there".
        ...(rendered.withheld.length > 0 ? { withheld: rendered.withheld } : {}),
      },
    });
    return facts.conversationId;
  });

  return (messages) => {
    const inbound = messages.filter((message) => message.item.direction === 'in');
    const first = inbound[0];
    if (!first) return;
    // A batch is one account's: with its away replies off, the common case, that is one lookup.
    const accountId = messageFacts(ctx.db, first.seq)?.accountId;
    if (accountId === undefined || !awayReplySettingsFor(ctx.db, accountId).isEnabled) return;
    const queued = inbound.flatMap((message) => consider(message) ?? []);
    if (queued.length > 0) onQueued(queued);
  };
}
