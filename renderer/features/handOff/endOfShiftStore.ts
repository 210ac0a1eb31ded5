import { create } from 'zustand';
import type { Conversation } from '../../../shared/domain/entities';
import { call } from '../../app/coreClient';
import { useDutyStore } from '../duty/dutyStore';

/** As many as one list call brings: an end of shift with more is rare, and these are the oldest. */
const MAX_OFFERED = 200;

type EndOfShiftState = {
  /** Open conversations still mine when my shift ended, oldest first; null when nothing is offered. */
  offered: Conversation[] | null;
  check(): Promise<void>;
  close(): void;
};

export const useEndOfShiftStore = create<EndOfShiftState>((set) => ({
  offered: null,
  async check() {
    const { items } = await call('conversations.list', { assignedToMe: true, status: 'open', limit: MAX_OFFERED });
    const oldestFirst = [...items].sort((a, b) => a.lastMessageAt - b.lastMessageAt);
    set({ offered: oldestFirst.length > 0 ? oldestFirst : null });
  },
  close: () => set({ offered: null }),
}));

/**
 * When I go off duty (my shift ends, or "I'm off now"), offers to hand off what is still open and
 * mine. It never holds going off duty back: the offer comes after, over the off-shift screen.
 */
export function watchEndOfShift(): () => void {
  return useDutyStore.subscribe((state, previous) => {
    if (previous.status?.isOnDuty === true && state.status?.isOnDuty === false) void useEndOfShiftStore.getState().check().catch(() => undefined);
  });
}
