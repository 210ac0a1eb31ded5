import { create } from 'zustand';
import type { ShieldStatus } from '../../../shared/api/shield';
import { HOSTILE_THRESHOLD } from '../../../shared/domain/entities';
import { call } from '../../app/coreClient';
import { useConversationStore } from '../conversation/conversationStore';

type ShieldState = {
  /** Messages the person chose to read. */
  revealedIds: string[];
  status: ShieldStatus | null;
  reveal(messageId: string): Promise<void>;
  /** Reveals every shielded message of the open conversation (the `v` key). */
  revealConversation(): Promise<void>;
};

export const isShielded = (hostility: number) => hostility >= HOSTILE_THRESHOLD;

export const useShieldStore = create<ShieldState>((set, get) => ({
  revealedIds: [],
  status: null,

  async reveal(messageId) {
    if (get().revealedIds.includes(messageId)) return;
    set({ revealedIds: [...get().revealedIds, messageId] });
    set({ status: await call('shield.reveal', { messageId }) });
  },

  async revealConversation() {
    const messages = useConversationStore.getState().detail?.messages ?? [];
    for (const message of messages) if (isShielded(message.hostility)) await get().reveal(message.id);
  },
}));
