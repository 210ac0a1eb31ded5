import { create } from 'zustand';
import type { DutyStatus } from '../../../shared/api/duty';
import { call } from '../../app/coreClient';

type DutyState = {
  status: DutyStatus | null;
  /** The open peek's ledger id while peeking off duty. */
  peekId: number | null;
  load(): Promise<void>;
  peek(): Promise<void>;
  endPeek(): Promise<void>;
  override(kind: 'off' | 'working' | 'clear'): Promise<void>;
};

/** My duty as the core decides it; the app shows the off-shift screen from it. */
export const useDutyStore = create<DutyState>((set, get) => ({
  status: null,
  peekId: null,

  async load() {
    const status = await call('duty.status', {});
    set({ status });
    // Back on duty: a peek in progress is over.
    if (status.isOnDuty && get().peekId !== null) await get().endPeek();
  },

  async peek() {
    const { peekId } = await call('duty.peekStart', {});
    set({ peekId });
  },

  async endPeek() {
    const peekId = get().peekId;
    set({ peekId: null });
    if (peekId !== null) await call('duty.peekEnd', { peekId });
  },

  async override(kind) {
    set({ status: await call('duty.override', { kind }) });
    if (kind !== 'off') await get().endPeek();
  },
}));

/** Counts (sidebar, title) are shown only on duty: off duty, no number asks for attention. */
export const useShowsCounts = (): boolean => useDutyStore((s) => s.status?.isOnDuty ?? true);
