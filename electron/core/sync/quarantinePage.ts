import { newId } from '../ids';
import { quarantinePayload, serialisePayload } from '../ingest/rejection';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import type { SyncPage } from '../connectors/connector';

/**
 * Keeps what a connector could not even normalise in the quarantine, in ingest's format (the
 * payload's head, size and hash, and why), so the Rejected view shows it beside ingest's own.
 */
export function quarantinePage(db: Db, accountId: string, source: string, rejected: SyncPage['rejected'], now: number): number {
  const insert = cachedStatement(
    db,
    `INSERT INTO rejected_items (id, account_id, source, payload, payload_size, payload_sha256, reason, rejected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const { payload, reason } of rejected) {
      const { head, size, sha256 } = quarantinePayload(serialisePayload(payload));
      insert.run(newId(), accountId, source, head, size, sha256, reason, now);
    }
  })();
  return rejected.length;
}
