import { useDutyStore } from '../duty/dutyStore';
import { useInboxStore } from '../inbox/inboxStore';
import { useOverlayStore } from '../overlays/overlayStore';
import { usePageStore } from '../pages/pageStore';
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
  // A page (the ledger, the accounts) stands in place of the inbox: leave it to show the conversation.
  usePageStore.getState().back();
  useInboxStore.getState().select(id);
  await useConversationStore.getState().open(id);
}
