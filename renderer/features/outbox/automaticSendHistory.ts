import type { TFunction } from 'i18next';
import type { ActivityLine } from '../../../shared/domain/entities';
import { isRuleReplySkip } from '../../../shared/rules/ruleReplySkips';
import { moderationHistoryText } from '../moderation/moderationHistory';

const stringOf = (value: unknown): string => (typeof value === 'string' ? value : '');
const topicsOf = (value: unknown): string => (Array.isArray(value) ? value.filter((topic) => typeof topic === 'string').join(', ') : '');

/**
 * The history lines of what rules send (core: rules/actions/) and of automatic sends held for a
 * sensitive topic, in the person's words; null for other lines.
 */
export function automaticSendHistoryText(line: ActivityLine, t: TFunction): string | null {
  const rule = stringOf(line.data.rule);
  switch (line.action) {
    case 'conversation.ruleReplyQueued': {
      const held = topicsOf(line.data.heldFor);
      return held ? t('ruleSends.history.queuedHeld', { rule, template: stringOf(line.data.template), topics: held }) : t('ruleSends.history.queued', { rule, template: stringOf(line.data.template) });
    }
    case 'conversation.ruleReplySkipped':
      return isRuleReplySkip(line.data.reason) ? t('ruleSends.history.skipped', { rule, reason: t(`ruleSends.reasons.${line.data.reason}`) }) : null;
    case 'conversation.heldSendReleased':
      return t('ruleSends.history.released', { topics: topicsOf(line.data.heldFor) });
    case 'conversation.heldSendCancelled':
      return t('ruleSends.history.cancelled', { topics: topicsOf(line.data.heldFor) });
    case 'conversation.replied':
      return line.actor.startsWith('rule:') ? t('ruleSends.history.sent', { rule }) : null;
  }
  // A rule's hide or delete: the moderation line, naming the rule.
  const moderation = line.actor.startsWith('rule:') && rule ? moderationHistoryText(line, t) : null;
  return moderation === null ? null : t('ruleSends.history.byRule', { line: moderation, rule });
}
