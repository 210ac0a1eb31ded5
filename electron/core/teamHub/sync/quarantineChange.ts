import type { LoggedChange } from '../../hub/changeLog';
import { newId } from '../../ids';
import { quarantinePayload, serialisePayload } from '../../ingest/rejection';
import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';

/** Where the Rejected view says a quarantined change came from. */
export const HUB_SOURCE = 'team hub';

/** Keeps a pulled change this desktop could not apply, with why, in ingest's quarantine format. */
export function quarantineChange(db: Db, change: LoggedChange, reason: string, now: number): void {
  const { head, size, sha256 } = quarantinePayload(serialisePayload(change));
  cachedStatement(
    db,
    `INSERT INTO rejected_items (id, account_id, source, payload, payload_size, payload_sha256, reason, rejected_at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), HUB_SOURCE, head, size, sha256, reason, now);
}
