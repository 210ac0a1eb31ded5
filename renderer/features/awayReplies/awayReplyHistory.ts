import type { TFunction } from 'i18next';
import { AWAY_SKIP_REASONS, type AwaySkipReason } from '../../../shared/api/awayReplies';
import type { ActivityLine } from '../../../shared/domain/entities';

const isSkipReason = (reason: unknown): reason is AwaySkipReason => AWAY_SKIP_REASONS.some((known) => known === reason);

/** The history line away replies leave (core: awayReplies/), in the person's words; null for other lines. */
export function awayReplyHistoryText(line: ActivityLine, t: TFunction): string | null {
  if (line.action === 'conversation.awayReplyQueued') {
    const template = typeof line.data.template === 'string' ? line.data.template : '';
    const withheld = Array.isArray(line.data.withheld) ? line.data.withheld.filter((path) => typeof path === 'string') : [];
    return withheld.length > 0 ? t('awayReplies.history.queuedWithheld', { template, variables: withheld.join(', ') }) : t('awayReplies.history.queued', { template });
  }
  if (line.action === 'conversation.replied' && line.actor === 'away_reply') return t('awayReplies.history.sent');
  if (line.action === 'conversation.awayReplySkipped' && isSkipReason(line.data.reason)) return t('awayReplies.history.skipped', { reason: t(`awayReplies.reasons.${line.data.reason}`) });
  return null;
}
