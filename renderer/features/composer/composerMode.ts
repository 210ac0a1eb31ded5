import { create } from 'zustand';

export type ComposerMode = 'reply' | 'note';

type ComposerModeState = { mode: ComposerMode; setMode(mode: ComposerMode): void };

/** Whether the box writes to the customer or a note for the team: `r` and `n` choose, from anywhere. */
export const useComposerMode = create<ComposerModeState>((set) => ({
  mode: 'reply',
  setMode: (mode) => set({ mode }),
}));
