import { create } from 'zustand';

const OPEN_KEY = 'pieuvre.contactPanel';

type ContactPanelState = {
  /** In a narrow window (under 1200 px) the contact card folds away; open, it shows over the conversation's side. */
  isOpen: boolean;
  setOpen(isOpen: boolean): void;
};

/** Whether the folded contact card is shown, remembered on this computer as the person left it. */
export const useContactPanelStore = create<ContactPanelState>((set) => ({
  isOpen: localStorage.getItem(OPEN_KEY) === 'open',
  setOpen(isOpen) {
    localStorage.setItem(OPEN_KEY, isOpen ? 'open' : 'closed');
    set({ isOpen });
  },
}));
