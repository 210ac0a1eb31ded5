import type { Migration } from '../migrate';

/**
 * The team: teammates' avatars and notification preferences, the weekly on-call rota, and
 * business hours per connected account.
 *
 * The rota is one row (one workspace, one rota) whose members reference people, so removing a
 * person takes them out of the rota. It is kept while inactive so turning it back on restores it;
 * while inactive, `people.is_on_call` names the fixed on-call person, if any.
 */
export const team: Migration = {
  version: 7,
  name: 'team',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN avatar_url TEXT;
      ALTER TABLE people ADD COLUMN notification_preferences TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(notification_preferences));

      CREATE TABLE on_call_rota (
        seq INTEGER PRIMARY KEY CHECK (seq = 1),
        is_active INTEGER NOT NULL CHECK (is_active IN (0, 1)),
        starts_on TEXT NOT NULL,
        handover_weekday TEXT NOT NULL CHECK (handover_weekday IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
        handover_time TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE on_call_rota_members (
        position INTEGER PRIMARY KEY,
        person_seq INTEGER NOT NULL UNIQUE REFERENCES people (seq) ON DELETE CASCADE
      ) STRICT;

      ALTER TABLE accounts ADD COLUMN business_hours TEXT CHECK (business_hours IS NULL OR json_valid(business_hours));
    `);
  },
};
