import type { Migration } from '../migrate';

/**
 * What team sync keeps on this desktop (electron/core/teamHub/sync/).
 *
 * - `hub_outgoing`: changes made here, waiting for the hub, in the order they were made. SQLite
 *   triggers fill it (every code path is captured); a row goes only once the hub has answered,
 *   so a crash in between pushes the same change id again, which the hub logs once.
 * - `hub_sync_state`: one row, the seq of the last change pulled and applied.
 * - `hub_field_versions`: per synced field, the last change the log gave it (seq, author, time,
 *   value): later changes in server order win, and two assignments within a minute are seen.
 * - `hub_aliases`: two desktops that both ingested one platform thread made two ids for it;
 *   the one first in server order is kept everywhere and the other points to it.
 */
export const hubSync: Migration = {
  version: 23,
  name: 'hub sync',
  up(db) {
    db.exec(`
      CREATE TABLE hub_outgoing (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        entity TEXT NOT NULL CHECK (length(entity) BETWEEN 1 AND 64),
        entity_id TEXT NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 200),
        field TEXT NOT NULL CHECK (length(field) BETWEEN 1 AND 64),
        value TEXT NOT NULL CHECK (json_valid(value)),
        op TEXT NOT NULL CHECK (op IN ('set', 'append')),
        made_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX hub_outgoing_by_field ON hub_outgoing (entity, entity_id, field);

      CREATE TABLE hub_sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cursor INTEGER NOT NULL CHECK (cursor >= 0),
        last_sync_at INTEGER
      ) STRICT;
      INSERT INTO hub_sync_state (id, cursor) VALUES (1, 0);

      CREATE TABLE hub_field_versions (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        seq INTEGER NOT NULL,
        desktop_id TEXT NOT NULL,
        author_role TEXT NOT NULL,
        made_at INTEGER NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        PRIMARY KEY (entity, entity_id, field)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE hub_aliases (
        entity TEXT NOT NULL,
        alias_id TEXT NOT NULL,
        canonical_id TEXT NOT NULL,
        PRIMARY KEY (entity, alias_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
