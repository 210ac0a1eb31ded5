import { create } from 'zustand';
import type { ViewFilter } from '../../../shared/api/views';
import { useInboxStore } from '../inbox/inboxStore';

type SearchState = {
  /** The status a search was widened from ("Search all statuses"), to return to in one click. */
  widenedFrom: NonNullable<ViewFilter['status']> | null;
  /** Searches within the current view (its status, account, kind, tag...); empty text ends the search. */
  search(text: string): Promise<void>;
  /** The same search in every status. */
  widen(): Promise<void>;
  /** Back to the status the search was widened from. */
  narrow(): Promise<void>;
};

const without = (filter: ViewFilter, key: keyof ViewFilter): ViewFilter => Object.fromEntries(Object.entries(filter).filter(([name]) => name !== key));

/**
 * A search narrows the view the person is in, as Front and Missive do: searching from Done finds
 * done conversations. The view stays the current one in the sidebar; widening is one click.
 */
export const useSearchStore = create<SearchState>((set, get) => ({
  widenedFrom: null,

  async search(text) {
    const { viewKey, filter } = useInboxStore.getState();
    const { widenedFrom } = get();
    if (text === '') {
      set({ widenedFrom: null });
      const ended = without(filter, 'text');
      return useInboxStore.getState().showView(viewKey, widenedFrom === null ? ended : { ...ended, status: widenedFrom });
    }
    // A new search starts in the view's scope; a search refined keeps the scope it was given.
    if (filter.text === undefined) set({ widenedFrom: null });
    await useInboxStore.getState().showView(viewKey, { ...filter, text });
  },

  async widen() {
    const { viewKey, filter } = useInboxStore.getState();
    if (filter.status === undefined) return;
    set({ widenedFrom: filter.status });
    await useInboxStore.getState().showView(viewKey, without(filter, 'status'));
  },

  async narrow() {
    const { viewKey, filter } = useInboxStore.getState();
    const { widenedFrom } = get();
    if (widenedFrom === null) return;
    set({ widenedFrom: null });
    await useInboxStore.getState().showView(viewKey, { ...filter, status: widenedFrom });
  },
}));
