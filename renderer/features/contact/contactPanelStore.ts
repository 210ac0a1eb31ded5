import { create } from 'zustand';
import { useInboxStore } from '../inbox/inboxStore';

const OPEN_KEY = 'pieuvre.contactPanel';

type ContactPanelState = {
  /** In a narrow window (under 1200 px) the contact card folds away; open, it shows over the conversation's side. */
  isOpen: boolean;
  setOpen(isOpen: boolean): void;
  /** Folds the card away without changing the remembered choice: the composer is in use, or another conversation shows. */
  fold(): void;
};

/** Whether the folded contact card is shown, remembered on this computer as the person left it. */
export const useContactPanelStore = create<ContactPanelState>((set) => ({
  isOpen: localStorage.getItem(OPEN_KEY) === 'open',
  setOpen(isOpen) {
    localStorage.setItem(OPEN_KEY, isOpen ? 'open' : 'closed');
    set({ isOpen });
  },
  fold: () => set({ isOpen: false }),
}));

// The card opened over a conversation is about its person: moving to another (j, k, a click) folds it,
// so it never covers the reply box of the next one.
useInboxStore.subscribe((state, previous) => {
  if (previous.selectedId !== null && state.selectedId !== previous.selectedId) useContactPanelStore.getState().fold();
});
