import type { Migration } from '../migrate';

/**
 * This desktop's membership of a team workspace on a hub (a PostgreSQL server), when it has one:
 * at most one row; none means local-only, the default.
 *
 * The hub's address is kept without credentials. The role's password, the team key and (on the
 * owner's desktop) the owner's connection URL are in the secret store, never in SQLite.
 * `removed_at`: the hub refused this role (the owner removed this person); the local copy stays.
 */
export const hubMembership: Migration = {
  version: 22,
  name: 'hub membership',
  up(db) {
    db.exec(`
      CREATE TABLE hub_membership (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hub_url TEXT NOT NULL CHECK (length(hub_url) BETWEEN 1 AND 2000),
        workspace_id TEXT NOT NULL,
        workspace_name TEXT NOT NULL,
        role TEXT NOT NULL,
        my_name TEXT NOT NULL,
        desktop_id TEXT NOT NULL,
        is_owner INTEGER NOT NULL CHECK (is_owner IN (0, 1)),
        server_ca TEXT,
        key_version INTEGER NOT NULL CHECK (key_version >= 1),
        joined_at INTEGER NOT NULL,
        removed_at INTEGER
      ) STRICT;
    `);
  },
};
