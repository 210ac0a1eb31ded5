import { create } from 'zustand';
import type { Note } from '../../../shared/api/notes';
import { call } from '../../app/coreClient';

type NotesState = {
  conversationId: string | null;
  /** The conversation whose notes arrived: until then the thread shows its messages alone. */
  loadedId: string | null;
  notes: Note[];
  /** Hand-off notes I closed the banner of (this window's session; answering closes it for good). */
  dismissedIds: string[];
  load(conversationId: string): Promise<void>;
  add(conversationId: string, text: string): Promise<Note>;
  remove(id: string): Promise<void>;
  dismiss(id: string): void;
};

/** The open conversation's internal notes, oldest first; SQLite is the truth, each change refetches. */
export const useNotesStore = create<NotesState>((set, get) => ({
  conversationId: null,
  loadedId: null,
  notes: [],
  dismissedIds: [],

  async load(conversationId) {
    if (get().conversationId !== conversationId) set({ conversationId, loadedId: null, notes: [] });
    const notes = await call('notes.list', { conversationId });
    if (get().conversationId === conversationId) set({ notes, loadedId: conversationId });
  },

  async add(conversationId, text) {
    const note = await call('notes.add', { conversationId, text });
    await get().load(conversationId);
    return note;
  },

  async remove(id) {
    await call('notes.delete', { id });
    const { conversationId } = get();
    if (conversationId) await get().load(conversationId);
  },

  dismiss: (id) => set({ dismissedIds: [...get().dismissedIds, id] }),
}));
