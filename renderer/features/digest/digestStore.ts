import { create } from 'zustand';
import type { SinceYouLeft } from '../../../shared/api/digest';
import { call } from '../../app/coreClient';
import { useOverlayStore } from '../overlays/overlayStore';

type DigestState = {
  digest: SinceYouLeft | null;
  error: string | null;
  /** Opens the digest (the sidebar's "Since you left") and loads it fresh. */
  show(): Promise<void>;
  /** Opens it by itself when the core says it is due: once per return to duty. */
  showIfDue(): Promise<void>;
  refresh(): Promise<void>;
};

/** "Since you left": the core computes it; closing it is recorded (see watchDigest). */
export const useDigestStore = create<DigestState>((set, get) => ({
  digest: null,
  error: null,

  async show() {
    useOverlayStore.getState().show('digest');
    await get().refresh();
  },

  async showIfDue() {
    // The whole digest reads much of the inbox: only once it is known to be due.
    if (!(await call('digest.isDue', {})).isDue) return;
    const digest = await call('digest.sinceYouLeft', {});
    if (!digest.isDue) return;
    set({ digest, error: null });
    // Never over another dialog the person is using: it waits until that one closes.
    const overlays = useOverlayStore;
    if (overlays.getState().open === null) return overlays.getState().show('digest');
    const unsubscribe = overlays.subscribe((state) => {
      if (state.open !== null) return;
      unsubscribe();
      state.show('digest');
    });
  },

  async refresh() {
    try {
      set({ digest: await call('digest.sinceYouLeft', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));
