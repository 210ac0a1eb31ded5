import i18next from 'i18next';
import { create } from 'zustand';
import { call, CoreError } from '../../app/coreClient';
import { useConversationStore } from '../conversation/conversationStore';
import { useInboxStore } from '../inbox/inboxStore';
import type { TriageChange } from '../inbox/listChange';
import { useToastStore } from '../toast/toastStore';
import { undoneNotice } from './triageNotice';

/** How far back `z` goes: the core keeps more, but nobody presses z twenty times to find a change. */
const STACK = 20;
/** Long enough to read the notice and reach for Undo; `z` still works after it is gone. */
export const NOTICE_MS = 6_000;

type UndoState = {
  /** The core's undo ids of this window's last triage changes, newest last, with their notice and what they changed. */
  stack: { undoId: string; toastId: number; change: TriageChange }[];
  /** Shows what happened with an Undo button, and keeps the change for `z`. */
  announce(text: string, undoId: string, change: TriageChange): void;
  /** `z`: undoes the newest change not undone yet, or says there is none. */
  undoLast(): Promise<void>;
  undo(undoId: string): Promise<void>;
  /** Keeps a triage change the core has not answered yet, for `z` to wait on; gives it back. */
  whileAnswering(change: Promise<void>): Promise<void>;
};

/** Triage changes sent and not answered yet: a quick `e` then `z` undoes that `e`, not the one before. */
const answering = new Set<Promise<void>>();

/** Why the core refused, in the person's language. */
const refusalText = (error: unknown): string => {
  const reason = error instanceof CoreError ? error.reason : undefined;
  if (reason === 'changed_since' || reason === 'undo_gone') return i18next.t(`triage.undo.${reason === 'changed_since' ? 'changedSince' : 'gone'}`);
  return i18next.t('triage.failed', { message: (error as Error).message });
};

/**
 * Undo for every triage action. The core restores exactly what the change altered, so this
 * store only remembers which changes to name; after an undo the list shows the restored
 * conversations (the person asked for them back, so they are not held as new) and the cursor
 * goes to the first of them.
 */
export const useUndoStore = create<UndoState>((set, get) => ({
  stack: [],
  announce(text, undoId, change) {
    useToastStore.getState().show('info', text, { action: { label: i18next.t('triage.undo.button'), run: () => void get().undo(undoId) }, visibleMs: NOTICE_MS });
    // The toast just shown is the newest one.
    const toastId = useToastStore.getState().toasts.at(-1)?.id ?? -1;
    set({ stack: [...get().stack, { undoId, toastId, change }].slice(-STACK) });
  },
  whileAnswering(change) {
    answering.add(change);
    // The caller handles the change's own failure; this copy only forgets it once settled.
    change.finally(() => answering.delete(change)).catch(() => undefined);
    return change;
  },
  async undoLast() {
    await Promise.allSettled([...answering]);
    const last = get().stack.at(-1);
    if (last === undefined) return useToastStore.getState().show('info', i18next.t('triage.undo.nothing'));
    await get().undo(last.undoId);
  },
  async undo(undoId) {
    // Its notice goes: an Undo button on something undone would offer to do it twice.
    const entry = get().stack.find((candidate) => candidate.undoId === undoId);
    if (entry === undefined) return;
    useToastStore.getState().dismiss(entry.toastId);
    set({ stack: get().stack.filter((entry) => entry.undoId !== undoId) });
    try {
      const { restoredIds } = await call('conversations.undo', { undoId });
      useToastStore.getState().show('info', undoneNotice(entry.change, restoredIds.length, i18next.t));
      const inbox = useInboxStore.getState();
      await inbox.showRestored(restoredIds);
      void inbox.refreshSidebar();
      void useConversationStore.getState().reload();
    } catch (error) {
      useToastStore.getState().show('error', refusalText(error));
    }
  },
}));
