import type { Migration } from '../migrate';

/**
 * People and offline hours. `me` is the person using this desktop (teammates come with team
 * sync). A null schedule means no hours were set: always on duty, as before this migration.
 * The wellbeing log is private to the person: peeks, after-hours work, breaks.
 */
export const peopleAndDuty: Migration = {
  version: 3,
  name: 'people and duty',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        is_me INTEGER NOT NULL DEFAULT 0 CHECK (is_me IN (0, 1)),
        name TEXT NOT NULL,
        schedule TEXT CHECK (schedule IS NULL OR json_valid(schedule)),
        accepts_urgent_off_duty INTEGER NOT NULL DEFAULT 0 CHECK (accepts_urgent_off_duty IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX people_one_me ON people (is_me) WHERE is_me = 1;

      -- "I'm off now" / "I'm working now": overrides the schedule until a time.
      CREATE TABLE duty_overrides (
        seq INTEGER PRIMARY KEY,
        person_seq INTEGER NOT NULL REFERENCES people (seq) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('off', 'working')),
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX duty_overrides_by_person ON duty_overrides (person_seq, ends_at);

      CREATE TABLE wellbeing_log (
        seq INTEGER PRIMARY KEY,
        person_seq INTEGER NOT NULL REFERENCES people (seq) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('peek', 'after_hours_reply', 'break', 'hostile_revealed', 'session')),
        at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0),
        data TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX wellbeing_log_by_person ON wellbeing_log (person_seq, at);
    `);
  },
};
