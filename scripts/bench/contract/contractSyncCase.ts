import type { ConnectorAccount, ConnectorFactory } from '../../../electron/core/connectors/connector';

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
  /** Reads every page the connector would, with plain fetch and JSON parsing only; returns how many items it saw. */
  bareFetchLoop(): Promise<number>;
  close(): Promise<void>;
};
