import type { CoreContext } from '../coreContext';
import type { DutyService } from '../duty/dutyService';
import { prepareActivityWriter } from '../store/activity';
import { notifiesOfUrgent } from '../notifications/notificationGate';
import { urgentRecipients } from './escalation';

export type UrgentItem = { conversationId: string; reason: string; author: string; snippet: string };

/**
 * Escalates an urgent conversation: the gate picks who receives it, the audit trail keeps
 * who (or that nobody could be reached), and every client hears it; the shell notifies only
 * when the gate says the person at this desktop should hear it.
 */
export function escalate(ctx: CoreContext, duty: DutyService, item: UrgentItem): void {
  const people = duty.reachablePeople();
  const recipients = urgentRecipients(people);
  const myId = duty.profile().id;
  const includesMe = recipients.some((person) => person.id === myId);
  const isOnCall = people.some((person) => person.id === myId && person.isOnCall);
  prepareActivityWriter(ctx.db)({
    at: ctx.clock(),
    actor: 'gate',
    action: 'conversation.escalated',
    subjectType: 'conversation',
    subjectId: item.conversationId,
    // Names as they were, ids so the thread can say "You" to the one it was, and only to them.
    data: { reason: item.reason, to: recipients.map((person) => person.name), toIds: recipients.map((person) => person.id) },
  });
  ctx.events.emit('notification.urgent', {
    ...item,
    recipientIds: recipients.map((person) => person.id),
    includesMe,
    notifiesMe: notifiesOfUrgent(includesMe, { notifications: duty.recipient().notifications, isOnCall }),
  });
}
