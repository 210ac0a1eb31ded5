import { create } from 'zustand';

/** A toast's one button ("Undo"), shown while the toast is. */
export type ToastAction = { label: string; run: () => void };

export type Toast = { id: number; kind: 'info' | 'error'; text: string; action?: ToastAction | undefined };

type ToastState = {
  toasts: Toast[];
  show(kind: Toast['kind'], text: string, options?: { action?: ToastAction; visibleMs?: number }): void;
  /** `show`, returning the toast's id: for a toast that may have to go early. */
  showWithId(kind: Toast['kind'], text: string, options?: { action?: ToastAction; visibleMs?: number }): number;
  dismiss(id: number): void;
};

const VISIBLE_MS = { info: 3_000, error: 8_000 };
/** Two at most: a third would climb over the list; the oldest goes (its change is still undone with z). */
const MAX_SHOWN = 2;
let nextId = 1;

/** Short, polite messages: what happened, and for errors what did not change. */
export const useToastStore = create<ToastState>((set, get) => ({
  toasts: [],
  show(kind, text, options) {
    get().showWithId(kind, text, options);
  },
  showWithId(kind, text, options = {}) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(1 - MAX_SHOWN), { id, kind, text, action: options.action }] });
    setTimeout(() => get().dismiss(id), options.visibleMs ?? VISIBLE_MS[kind]);
    return id;
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
}));
