import { create } from 'zustand';

export type Toast = { id: number; kind: 'info' | 'error'; text: string };

type ToastState = {
  toasts: Toast[];
  show(kind: Toast['kind'], text: string): void;
  dismiss(id: number): void;
};

const VISIBLE_MS = { info: 3_000, error: 8_000 };
let nextId = 1;

/** Short, polite messages: what happened, and for errors what did not change. */
export const useToastStore = create<ToastState>((set, get) => ({
  toasts: [],
  show(kind, text) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-2), { id, kind, text }] });
    setTimeout(() => get().dismiss(id), VISIBLE_MS[kind]);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
}));
