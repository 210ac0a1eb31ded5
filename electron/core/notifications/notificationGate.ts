import type { DutyStatus } from '../../../shared/api/duty';
import type { NewMessagesNotice } from '../../../shared/api/events';
import type { NotificationPreferences } from '../../../shared/api/team';
import type { IngestedMessage } from '../ingest/triageHook';

const SNIPPET = 140;

/** The person at this desktop as the gate sees them: where they stand now and what they asked for. */
export type Recipient = Pick<DutyStatus, 'isOnDuty'> & { notifications: NotificationPreferences };

/** Whether a new message is one the person asked to hear about. */
const isWanted = (message: IngestedMessage, preferences: NotificationPreferences): boolean =>
  preferences.newMessages === 'all' || (preferences.newMessages === 'mentionsAndDms' && (message.item.kind === 'dm' || message.item.kind === 'mention'));

/**
 * The one place that decides whether new messages are worth telling the person about, and
 * what to say. Off duty means off: no notice at all. On duty: one notice per batch (never
 * one per message), only for messages from people, not the brand's own replies, and only
 * those the person's preferences ask for. The shell decides nothing.
 */
export function decideNewMessagesNotice(messages: readonly IngestedMessage[], recipient: Recipient): NewMessagesNotice | null {
  if (!recipient.isOnDuty) return null;
  const inbound = messages.filter((message) => message.item.direction === 'in' && isWanted(message, recipient.notifications));
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

/**
 * Whether an urgent item escalated to me makes a notification: as my preferences say, except
 * while I am on call, when it always does (someone must hear it when nobody is on duty).
 */
export const notifiesOfUrgent = (isRecipient: boolean, recipient: Pick<Recipient, 'notifications'> & { isOnCall: boolean }): boolean =>
  isRecipient && (recipient.notifications.urgent || recipient.isOnCall);

/** The count the dock, launcher and tray may show: none while off duty. */
export const countsForBadge = (recipient: Pick<DutyStatus, 'isOnDuty'>, openUnread: number): number => (recipient.isOnDuty ? openUnread : 0);
