import { useDutyStore } from '../duty/dutyStore';
import { useInboxStore } from '../inbox/inboxStore';
import { useOverlayStore } from '../overlays/overlayStore';
import { useWellbeingStore } from '../wellbeing/wellbeingStore';
import { useConversationStore } from './conversationStore';

/**
 * Shows a conversation from outside the list (the digest, the contact card, the Outbox, a
 * clicked notification): any dialog closes, and the conversation is focused and open. Off
 * duty, asking to see it is a peek, noted as one.
 */
export async function showConversation(id: string): Promise<void> {
  const duty = useDutyStore.getState();
  if (duty.status !== null && !duty.status.isOnDuty && duty.peekId === null) await duty.peek();
  useOverlayStore.getState().close();
  // The ledger page stands in place of the inbox: leave it to show the conversation.
  useWellbeingStore.getState().closeLedger();
  useInboxStore.getState().select(id);
  await useConversationStore.getState().open(id);
}
