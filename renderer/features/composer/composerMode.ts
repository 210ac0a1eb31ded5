import { create } from 'zustand';
import { focusComposer, focusComposerWhenShown } from './composerFocus';

export type ComposerMode = 'reply' | 'note';

type ComposerModeState = {
  mode: ComposerMode;
  setMode(mode: ComposerMode): void;
  /** `r`, `n` or a click on the switch: that mode, with the keyboard in its box. */
  writeIn(mode: ComposerMode): void;
};

/** Whether the box writes to the customer or a note for the team: `r` and `n` choose, from anywhere. */
export const useComposerMode = create<ComposerModeState>((set, get) => ({
  mode: 'reply',
  setMode: (mode) => set({ mode }),
  writeIn(mode) {
    if (get().mode === mode) return focusComposer();
    // The other mode's box replaces this one on the next render: it takes the keyboard then.
    focusComposerWhenShown();
    set({ mode });
  },
}));
