import { create } from 'zustand';
import type { Note } from '../../../shared/api/notes';
import { call } from '../../app/coreClient';

type NotesState = {
  conversationId: string | null;
  /** The conversation whose notes arrived: until then the thread shows its messages alone. */
  loadedId: string | null;
  notes: Note[];
  /** Hand-off notes whose banner I closed, remembered on this computer (answering closes it anyway). */
  dismissedIds: string[];
  load(conversationId: string): Promise<void>;
  add(conversationId: string, text: string): Promise<Note>;
  remove(id: string): Promise<void>;
  dismiss(id: string): void;
};

const DISMISSED_KEY = 'pieuvre.dismissedHandOffs';
/** Enough for months of hand-offs; the oldest dismissals go first. */
const DISMISSED_KEPT = 200;

function savedDismissals(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    // A damaged value only brings a closed banner back.
    return [];
  }
}

/** The open conversation's internal notes, oldest first; SQLite is the truth, each change refetches. */
export const useNotesStore = create<NotesState>((set, get) => ({
  conversationId: null,
  loadedId: null,
  notes: [],
  dismissedIds: savedDismissals(),

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

  dismiss(id) {
    const dismissedIds = [...get().dismissedIds, id].slice(-DISMISSED_KEPT);
    localStorage.setItem(DISMISSED_KEY, JSON.stringify(dismissedIds));
    set({ dismissedIds });
  },
}));
