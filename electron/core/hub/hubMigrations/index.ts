import type { HubMigration } from '../hubMigrate';
import { hubBase } from './0001-hub-base';
import { keyEnvelopes } from './0002-key-envelopes';
import { leaseHolders } from './0003-lease-holders';

/** Every hub schema version in order. Append only; a shipped file is never edited. */
export const HUB_MIGRATIONS: readonly HubMigration[] = [hubBase, keyEnvelopes, leaseHolders];
