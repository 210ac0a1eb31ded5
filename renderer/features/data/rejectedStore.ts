import { create } from 'zustand';
import type { RejectedItem } from '../../../shared/api/rejected';
import { call } from '../../app/coreClient';

type RejectedState = {
  items: RejectedItem[] | null;
  error: string | null;
  load(): Promise<void>;
};

/** The quarantine as the core keeps it: read-only here, loaded when the tab opens. */
export const useRejectedStore = create<RejectedState>((set) => ({
  items: null,
  error: null,
  async load() {
    try {
      set({ items: await call('rejected.list', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));

export type RejectedGroup = { key: string; account: RejectedItem['account']; items: RejectedItem[] };

/** Items per account, in the order their newest item came; items of removed accounts together last. */
export function groupByAccount(items: readonly RejectedItem[]): RejectedGroup[] {
  const groups = new Map<string, RejectedGroup>();
  for (const item of items) {
    const key = item.account?.id ?? '';
    const group = groups.get(key) ?? { key, account: item.account, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => Number(a.account === null) - Number(b.account === null));
}
