import { create } from 'zustand';
import type { Ledger } from '../../../shared/api/wellbeing';
import { call } from '../../app/coreClient';
import { usePageStore } from '../pages/pageStore';

type WellbeingState = {
  ledger: Ledger | null;
  ledgerError: string | null;
  breakReminderMinutes: number | null;
  /** The core says a break is due (never while I am off duty). */
  isBreakDue: boolean;
  /** The current session's length at the last heartbeat. */
  sessionMs: number;
  /** The break I am on: the break screen shows while it is set. */
  activeBreak: { id: number; startedAt: number } | null;
  /** Shows the ledger page in place of the inbox. */
  openLedger(): void;
  loadLedger(): Promise<void>;
  setBreakReminderMinutes(minutes: number): Promise<void>;
  heartbeat(): Promise<void>;
  takeBreak(source: 'reminder' | 'ledger'): Promise<void>;
  endBreak(): Promise<void>;
  snoozeReminder(): Promise<void>;
};

/** My private ledger and my breaks. The core decides; this store shows what it says. */
export const useWellbeingStore = create<WellbeingState>((set, get) => ({
  ledger: null,
  ledgerError: null,
  breakReminderMinutes: null,
  isBreakDue: false,
  sessionMs: 0,
  activeBreak: null,

  openLedger() {
    usePageStore.getState().show('ledger');
    void get().loadLedger();
  },

  async loadLedger() {
    try {
      const [ledger, settings] = await Promise.all([call('wellbeing.ledger', {}), call('wellbeing.settings', {})]);
      set({ ledger, breakReminderMinutes: settings.breakReminderMinutes, ledgerError: null });
    } catch (error) {
      set({ ledgerError: (error as Error).message });
    }
  },

  async setBreakReminderMinutes(minutes) {
    const settings = await call('wellbeing.setSettings', { breakReminderMinutes: minutes });
    set({ breakReminderMinutes: settings.breakReminderMinutes });
  },

  async heartbeat() {
    // Presence is best effort: a lost heartbeat only makes a session look a minute shorter.
    const presence = await call('wellbeing.heartbeat', {}).catch(() => null);
    if (!presence) return;
    set({ isBreakDue: presence.isBreakDue && get().activeBreak === null, sessionMs: presence.sessionMs });
    // The page's figures for today move with every minute in the app.
    if (usePageStore.getState().page === 'ledger') await get().loadLedger();
  },

  async takeBreak(source) {
    const { breakId, startedAt } = await call('wellbeing.breakStart', { source });
    set({ activeBreak: { id: breakId, startedAt }, isBreakDue: false });
  },

  async endBreak() {
    const active = get().activeBreak;
    set({ activeBreak: null });
    if (active) await call('wellbeing.breakEnd', { breakId: active.id });
  },

  async snoozeReminder() {
    set({ isBreakDue: false });
    await call('wellbeing.snoozeReminder', {});
  },
}));
