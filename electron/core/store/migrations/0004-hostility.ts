import type { Migration } from '../migrate';

/** The hostile-content shield: a score per message (and for each conversation's snippet), and each person's daily budget. */
export const hostility: Migration = {
  version: 4,
  name: 'hostility',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN hostility REAL NOT NULL DEFAULT 0 CHECK (hostility BETWEEN 0 AND 1);
      ALTER TABLE conversations ADD COLUMN snippet_hostility REAL NOT NULL DEFAULT 0 CHECK (snippet_hostility BETWEEN 0 AND 1);
      ALTER TABLE people ADD COLUMN hostile_budget INTEGER NOT NULL DEFAULT 30 CHECK (hostile_budget >= 0);
    `);
  },
};
