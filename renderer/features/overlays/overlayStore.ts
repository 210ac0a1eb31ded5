import { create } from 'zustand';

export type Overlay = 'snooze' | 'tag' | 'palette' | 'shortcuts' | 'hours' | 'team' | 'digest' | 'moderate' | 'confirmModeration' | 'templates' | 'settings' | null;

type OverlayState = {
  open: Overlay;
  /** Conversations the open picker acts on (the selection, or the focused one). */
  targetIds: string[];
  show(overlay: Exclude<Overlay, null>, targetIds?: string[]): void;
  close(): void;
};

/** One overlay at a time: opening one closes the other, Escape closes it. */
export const useOverlayStore = create<OverlayState>((set) => ({
  open: null,
  targetIds: [],
  show: (overlay, targetIds = []) => set({ open: overlay, targetIds }),
  close: () => set({ open: null, targetIds: [] }),
}));
