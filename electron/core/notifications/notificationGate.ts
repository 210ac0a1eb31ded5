import type { DutyStatus } from '../../../shared/api/duty';
import type { NewMessagesNotice } from '../../../shared/api/events';
import type { IngestedMessage } from '../ingest/triageHook';

const SNIPPET = 140;

/**
 * The one place that decides whether new messages are worth telling the person about, and
 * what to say. Off duty means off: no notice at all. On duty: one notice per batch (never
 * one per message), only for messages from people, not the brand's own replies. Urgent
 * escalation and the hostile-content shield will decide here too; the shell decides nothing.
 */
export function decideNewMessagesNotice(messages: readonly IngestedMessage[], recipient: Pick<DutyStatus, 'isOnDuty'>): NewMessagesNotice | null {
  if (!recipient.isOnDuty) return null;
  const inbound = messages.filter((message) => message.item.direction === 'in');
  const latest = inbound.reduce<IngestedMessage | undefined>((newest, message) => (!newest || message.item.createdAt >= newest.item.createdAt ? message : newest), undefined);
  if (!latest) return null;
  return {
    count: inbound.length,
    conversationIds: [...new Set(inbound.map((message) => message.conversationId))],
    latest: {
      conversationId: latest.conversationId,
      author: latest.item.author.name || latest.item.author.handle,
      platform: latest.item.platform,
      snippet: latest.item.text.slice(0, SNIPPET),
    },
  };
}

/** The count the dock, launcher and tray may show: none while off duty. */
export const countsForBadge = (recipient: Pick<DutyStatus, 'isOnDuty'>, openUnread: number): number => (recipient.isOnDuty ? openUnread : 0);
