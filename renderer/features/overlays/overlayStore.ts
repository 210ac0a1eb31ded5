import { create } from 'zustand';

export type Overlay = 'snooze' | 'tag' | 'assign' | 'handOff' | 'palette' | 'shortcuts' | 'hours' | 'team' | 'digest' | 'moderate' | 'confirmModeration' | 'templates' | 'settings'
  | 'connectAccount' | 'disconnectAccount' | 'removeDemo' | null;

type OverlayState = {
  open: Overlay;
  /** Conversations the open picker acts on (the selection, or the focused one). */
  targetIds: string[];
  /** Asked when the person closes the open dialog (Escape, the backdrop, its Close): false keeps it open. */
  closeGuard: (() => boolean) | null;
  show(overlay: Exclude<Overlay, null>, targetIds?: string[]): void;
  close(): void;
  setCloseGuard(guard: (() => boolean) | null): void;
  /** The person closes the dialog: its guard may keep it open (the template editor's unsaved edits). */
  dismiss(): void;
};

/** One overlay at a time: opening one closes the other, Escape closes it. */
export const useOverlayStore = create<OverlayState>((set, get) => ({
  open: null,
  targetIds: [],
  closeGuard: null,
  show: (overlay, targetIds = []) => set({ open: overlay, targetIds, closeGuard: null }),
  close: () => set({ open: null, targetIds: [], closeGuard: null }),
  setCloseGuard: (closeGuard) => set({ closeGuard }),
  dismiss() {
    const guard = get().closeGuard;
    if (guard === null || guard()) get().close();
  },
}));
