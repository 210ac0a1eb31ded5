import { create } from 'zustand';
import type { OutboxCounts, OutboxItem, SendWhen } from '../../../shared/api/outbox';
import { call } from '../../app/coreClient';
import { useToastStore } from '../toast/toastStore';
import { useConversationStore } from '../conversation/conversationStore';

/** The sidebar's Outbox entry: shown in place of the conversation list. */
export const OUTBOX_VIEW_KEY = 'outbox';

/** `needsCheck`: held until the person looks on the platform; `problems`: the other failures. */
/** `held`: automatic sends waiting for the person's OK while a sensitive topic is active. */
type OutboxViewItems = { needsCheck: OutboxItem[]; problems: OutboxItem[]; held: OutboxItem[]; pending: OutboxItem[]; recent: OutboxItem[] };

type OutboxState = {
  counts: OutboxCounts;
  undoSendMs: number;
  /** The open conversation's replies not yet sent (waiting, failed, needing a check). */
  conversationId: string | null;
  conversationItems: OutboxItem[];
  /** The Outbox view's sections, loaded while it is shown. */
  view: OutboxViewItems | null;
  /** A reply pulled back for editing: the composer of that conversation takes the text. */
  restoredDraft: { conversationId: string; text: string } | null;
  load(): Promise<void>;
  showConversation(conversationId: string | null): Promise<void>;
  openView(): Promise<void>;
  closeView(): void;
  /** Refetches what shows outbox items: after an `outbox.changed` event or an action. */
  refresh(): Promise<void>;
  send(request: { conversationId: string; text: string; idempotencyKey: string; when: SendWhen; clearsDraft: boolean; privately?: boolean }): Promise<OutboxItem>;
  cancel(id: string): Promise<OutboxItem>;
  retry(id: string): Promise<void>;
  markSent(id: string): Promise<void>;
  sendNow(id: string): Promise<void>;
  /** Lets an automatic send held for a sensitive topic go (the person's OK, on the record). */
  releaseHeld(id: string): Promise<void>;
  /** Pulls a reply back into its composer: cancelled in the outbox, its text kept. */
  editInComposer(item: OutboxItem): Promise<void>;
  /** The toast offering to undo a reply just queued: it goes once the reply is cancelled or pulled back anywhere else. */
  offeredUndo(itemId: string, toastId: number): void;
  takeRestoredDraft(conversationId: string): string | null;
  setUndoDelay(undoSendMs: number): Promise<void>;
};

const NOT_SENT = (item: OutboxItem) => item.state !== 'sent' && item.state !== 'cancelled';

/** Undo toasts by the reply they undo; a toast left over would offer to undo what is undone ("too late"). */
const undoToasts = new Map<string, number>();
const RECENT_LIMIT = 30;

/** The outbox as the core keeps it; every change is the core's, then refetched. */
export const useOutboxStore = create<OutboxState>((set, get) => {
  const after = async <T>(action: Promise<T>): Promise<T> => {
    const result = await action;
    await get().refresh();
    return result;
  };
  return {
    counts: { pending: 0, problems: 0, needsCheck: 0 },
    undoSendMs: 0,
    conversationId: null,
    conversationItems: [],
    view: null,
    restoredDraft: null,

    async load() {
      const [{ undoSendMs }, counts] = await Promise.all([call('outbox.settings', {}), call('outbox.counts', {})]);
      set({ undoSendMs, counts });
    },

    async showConversation(conversationId) {
      set({ conversationId, conversationItems: [] });
      if (conversationId === null) return;
      const items = await call('outbox.list', { scope: 'all', conversationId, limit: 50 });
      if (get().conversationId === conversationId) set({ conversationItems: items.filter(NOT_SENT).reverse() });
    },

    async openView() {
      const [problems, pending, all, counts] = await Promise.all([
        call('outbox.list', { scope: 'problems', limit: 200 }),
        call('outbox.list', { scope: 'pending', limit: 200 }),
        call('outbox.list', { scope: 'all', limit: RECENT_LIMIT }),
        call('outbox.counts', {}),
      ]);
      const isHeld = (item: OutboxItem) => item.state === 'needs_check';
      set({
        counts,
        view: {
          needsCheck: problems.filter(isHeld),
          problems: problems.filter((item) => !isHeld(item)),
          held: pending.filter((item) => item.heldFor !== null),
          pending: pending.filter((item) => item.heldFor === null),
          recent: all.filter((item) => item.state === 'sent'),
        },
      });
    },

    closeView() {
      set({ view: null });
    },

    async refresh() {
      const { conversationId, view } = get();
      await Promise.all([
        call('outbox.counts', {}).then((counts) => set({ counts })),
        get().showConversation(conversationId),
        view ? get().openView() : Promise.resolve(),
      ]);
    },

    send: (request) => after(call('outbox.send', request)),
    async cancel(id) {
      const cancelled = await after(call('outbox.cancel', { id }));
      const toastId = undoToasts.get(id);
      undoToasts.delete(id);
      if (toastId !== undefined) useToastStore.getState().dismiss(toastId);
      return cancelled;
    },

    offeredUndo(itemId, toastId) {
      undoToasts.set(itemId, toastId);
      // Forgotten with the toast itself: it shows for the undo delay, a little longer here.
      setTimeout(() => undoToasts.delete(itemId), get().undoSendMs + 60_000);
    },
    retry: (id) => after(call('outbox.retry', { id })).then(() => undefined),
    markSent: (id) => after(call('outbox.markSent', { id })).then(() => undefined),
    sendNow: (id) => after(call('outbox.edit', { id, when: { kind: 'now' } })).then(() => undefined),
    releaseHeld: (id) => after(call('outbox.releaseHeld', { id })).then(() => undefined),

    async editInComposer(item) {
      await get().cancel(item.id);
      set({ restoredDraft: { conversationId: item.conversationId, text: item.text } });
      // From the Outbox view, the conversation may not be the open one: open it, text in its box.
      await useConversationStore.getState().open(item.conversationId);
    },

    async setUndoDelay(undoSendMs) {
      set({ undoSendMs: (await call('outbox.setUndoDelay', { undoSendMs })).undoSendMs });
    },

    takeRestoredDraft(conversationId) {
      const draft = get().restoredDraft;
      if (draft?.conversationId !== conversationId) return null;
      set({ restoredDraft: null });
      return draft.text;
    },
  };
});
