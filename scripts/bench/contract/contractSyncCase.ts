import type { ConnectorAccount, ConnectorFactory } from '../../../electron/core/connectors/connector';

/** Given each page's items as the bare loop counts them (one entry an item), to store them: the ceiling's side. */
export type PageStore = (items: readonly unknown[]) => void;

/**
 * One wave-2 platform in `sync_ratio_contract`: its contract server seeded with `items` items,
 * the connector that syncs them through Pieuvre, and a bare fetch loop over the same pages (no
 * normalising, no storing) that the ratio divides by. Each platform's case lives beside this file.
 */
export type ContractSyncCase = {
  platform: ConnectorAccount['platform'];
  start(items: number): Promise<ContractSyncRun>;
};

export type ContractSyncRun = {
  /** The account as a signed-in Pieuvre would hold it, and the secret its connector opens with. */
  account: ConnectorAccount;
  secret: string;
  factory: ConnectorFactory;
  /**
   * Reads every page the connector would, with plain fetch and JSON parsing only; returns how many
   * items it saw. With `store`, hands it each page's items as it counts them, one entry an item.
   */
  bareFetchLoop(store?: PageStore): Promise<number>;
  close(): Promise<void>;
};

/** A bare loop's tally: each page's items counted, and handed to the store when there is one. */
export function itemTally(store: PageStore | undefined): { count(items: readonly unknown[] | undefined): void; readonly seen: number } {
  let seen = 0;
  return {
    count(items = []) {
      store?.(items);
      seen += items.length;
    },
    get seen() {
      return seen;
    },
  };
}
