import { create } from 'zustand';
import type { ConversationDetail } from '../../../shared/domain/entities';
import { call } from '../../app/coreClient';

type ConversationState = {
  openId: string | null;
  detail: ConversationDetail | null;
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  open(id: string | null): Promise<void>;
  /** Refetches the open conversation without blanking it (after a reply, or a change event). */
  reload(): Promise<void>;
};

export const useConversationStore = create<ConversationState>((set, get) => ({
  openId: null,
  detail: null,
  loadState: 'idle',
  error: null,

  async open(id) {
    if (id === get().openId && get().loadState !== 'error') return;
    set({ openId: id, detail: null, loadState: id ? 'loading' : 'idle', error: null });
    if (id) await get().reload();
  },

  async reload() {
    const id = get().openId;
    if (!id) return;
    try {
      const detail = await call('conversations.get', { id });
      if (get().openId === id) set({ detail, loadState: 'ready', error: null });
    } catch (error) {
      if (get().openId === id) set({ loadState: 'error', error: (error as Error).message });
    }
  },
}));
