import type { ModerationAction } from '../../../../shared/domain/moderation';
import type { RuleAction } from '../../../../shared/rules/ruleSchema';
import { moderationRefusal } from '../../moderation/moderationRefusal';
import { messagesByIds } from '../../moderation/moderationTargets';
import { queueModeration } from '../../outbox/queueModeration';
import { cachedStatement } from '../../store/statementCache';
import type { ActionRunner, RuleActionContext } from '../ruleActionContext';

type ModerationRule = Extract<RuleAction, { type: 'hide' | 'delete' }>;

const ALREADY: Readonly<Record<ModerationRule['type'], string>> = {
  hide: 'Nothing to do: the message is already hidden.',
  delete: 'Nothing to do: the message is already deleted.',
};

/**
 * Hides or deletes the message that triggered the rule, on its platform, through the outbox
 * like a person's moderation (its effect lands here once the platform took it), but at once:
 * nobody is there to undo it. Only where the platform allows it (Bluesky and Mastodon hide no
 * one's reply; nobody hides a direct message): otherwise skipped, with the platform's reason.
 */
function moderate(ctx: RuleActionContext, action: ModerationRule, moderation: ModerationAction) {
  if (!ctx.message) return { action, outcome: 'skip' as const, detail: 'Nothing to moderate: the rule has no message from someone else here.' };
  const [target] = messagesByIds(ctx.db, [String(ctx.message.seq)]);
  if (!target) throw new Error(`Message ${ctx.message.seq} disappeared while a rule acted on it.`);
  const refusal = moderationRefusal(ctx.connectors.find(target.accountId), target, moderation);
  if (refusal) return { action, outcome: 'skip' as const, detail: refusal.message };
  const flags = cachedStatement<[number], { is_hidden: number; is_deleted: number }>(ctx.db, 'SELECT is_hidden, is_deleted FROM messages WHERE seq = ?').get(target.messageSeq);
  if (flags?.is_deleted === 1 || (action.type === 'hide' && flags?.is_hidden === 1)) return { action, outcome: 'skip' as const, detail: ALREADY[action.type] };
  if (!ctx.isDryRun) queueModeration(ctx.db, target, { action: moderation, reason: null, rule: ctx.rule }, { notBefore: ctx.at, now: ctx.at });
  return { action, outcome: 'apply' as const };
}

export const hideAction: ActionRunner<'hide'> = (ctx, action) => moderate(ctx, action, 'hide');
export const deleteAction: ActionRunner<'delete'> = (ctx, action) => moderate(ctx, action, 'delete');
