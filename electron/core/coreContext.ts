import type { Clock } from './clock';
import type { ConnectorRegistry } from './connectors/connectorRegistry';
import type { EventBus } from './events';
import type { IngestBatch, IngestResult } from './ingest/ingest';
import type { Logger } from './log/logger';
import type { Db } from './store/database';

/** What handlers and services share: built once at the composition root (core.ts). */
export type CoreContext = {
  db: Db;
  clock: Clock;
  events: EventBus;
  connectors: ConnectorRegistry;
  ingest: (batch: IngestBatch) => IngestResult;
  /** The data folder's log: what failed, where, never what people wrote. */
  log: Logger;
};
