import type { Migration } from '../migrate';

/** Saved views: a name and a conversation filter, in the sidebar's order. */
export const savedViews: Migration = {
  version: 2,
  name: 'saved views',
  up(db) {
    db.exec(`
      CREATE TABLE saved_views (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        filter TEXT NOT NULL CHECK (json_valid(filter)),
        position INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
