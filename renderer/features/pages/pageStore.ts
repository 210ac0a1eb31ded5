import { create } from 'zustand';

/**
 * What fills the window beside the sidebar: the inbox, or a page shown in its place (the
 * wellbeing ledger, the accounts). The inbox stays mounted behind a page, to come back to as it was.
 */
export type Page = 'inbox' | 'ledger' | 'accounts';

type PageState = {
  page: Page;
  show(page: Page): void;
  /** Back to the inbox. */
  back(): void;
};

export const usePageStore = create<PageState>((set) => ({
  page: 'inbox',
  show: (page) => set({ page }),
  back: () => set({ page: 'inbox' }),
}));
