import type { Migration } from '../migrate';

/**
 * The private wellbeing ledger: each person's break reminder, in minutes of continuous
 * session (0: never remind). The ledger itself is the `wellbeing_log` of migration 3.
 */
export const ledger: Migration = {
  version: 9,
  name: 'ledger',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN break_reminder_minutes INTEGER NOT NULL DEFAULT 90 CHECK (break_reminder_minutes BETWEEN 0 AND 480);
    `);
  },
};
