import { quarantinePayload } from '../../ingest/rejection';
import type { Migration } from '../migrate';

/**
 * A quarantine that stays small: `rejected_items` keeps the first 4 KB of a payload with the
 * size and SHA-256 of all of it (a 10 MB payload used to be kept whole, forever); existing
 * rows are cut down the same way. Rows older than `data_settings.rejected_retention_days` are
 * pruned at start and daily, hence the index on their time.
 *
 * `data_settings` is one row: the workspace's data-keeping settings.
 */
export const rejectedPayloadLimit: Migration = {
  version: 13,
  name: 'rejected payload limit',
  up(db) {
    db.exec(`
      ALTER TABLE rejected_items ADD COLUMN payload_size INTEGER NOT NULL DEFAULT 0 CHECK (payload_size >= 0);
      ALTER TABLE rejected_items ADD COLUMN payload_sha256 TEXT NOT NULL DEFAULT '';
      CREATE INDEX rejected_items_by_time ON rejected_items (rejected_at);

      CREATE TABLE data_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        rejected_retention_days INTEGER NOT NULL CHECK (rejected_retention_days BETWEEN 1 AND 365)
      ) STRICT;
      INSERT INTO data_settings (id, rejected_retention_days) VALUES (1, 30);
    `);
    // One payload in memory at a time: the rows being cut down can be megabytes each.
    const payloadOf = db.prepare<[number], { payload: string }>('SELECT payload FROM rejected_items WHERE rowid = ?');
    const update = db.prepare('UPDATE rejected_items SET payload = ?, payload_size = ?, payload_sha256 = ? WHERE rowid = ?');
    const rowids = db.prepare<[], number>('SELECT rowid FROM rejected_items').pluck().all();
    for (const rowid of rowids) {
      const { head, size, sha256 } = quarantinePayload(payloadOf.get(rowid)?.payload ?? '');
      update.run(head, size, sha256, rowid);
    }
  },
};
