import type { Migration } from '../migrate';

/**
 * Triage rules, internal notes, hand-off and sensitive topics.
 *
 * - `rules`: one row per rule, in `position` order; `definition` is the validated JSON
 *   (trigger, conditions, actions, stop) and `version` counts its saves, each kept whole in
 *   `rule_versions`. `built_in` names the rules the app seeds (crisis words, spam), which people
 *   edit like any other. `error`: why the engine turned the rule off.
 * - `rule_fires`: what a rule already did once to a conversation (a reply "once per
 *   conversation", a time trigger for one waiting message), so it never does it twice.
 * - `rule_timers`: when each time-triggered rule is next due on a conversation; the scheduler
 *   sleeps until the earliest, instead of scanning every conversation every minute.
 * - `rule_round_robin`: whose turn is next in each round-robin assignment.
 * - `person_notices`: what a rule, a mention or a hand-off tells a person, held until they are
 *   on duty (`deliver_after`), then delivered once (`delivered_at`).
 * - `notes`: their kind (a person's note, a hand-off, a rule's), the rule that wrote one, the
 *   author's name as it was and the people @mentioned.
 * - `contacts.is_vip` / `is_verified`: the VIP list, and the platform's verified badge when known.
 * - `outbox.rule_seq`: the rule that queued an automatic reply or moderation; `held_reason`: an
 *   automatic send paused for a person's confirmation (a sensitive topic is active).
 * - `sensitive_topics`: words to be careful with, between two calendar days.
 */
export const rules: Migration = {
  version: 19,
  name: 'rules',
  up(db) {
    db.exec(`
      CREATE TABLE rules (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        is_enabled INTEGER NOT NULL CHECK (is_enabled IN (0, 1)),
        built_in TEXT UNIQUE CHECK (built_in IN ('crisis', 'spam')),
        trigger_type TEXT NOT NULL,
        definition TEXT NOT NULL CHECK (json_valid(definition)),
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        hit_count INTEGER NOT NULL DEFAULT 0 CHECK (hit_count >= 0),
        last_hit_at INTEGER,
        error TEXT,
        error_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX rules_by_trigger ON rules (trigger_type, position) WHERE is_enabled = 1;

      CREATE TABLE rule_versions (
        rule_seq INTEGER NOT NULL REFERENCES rules (seq) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        definition TEXT NOT NULL CHECK (json_valid(definition)),
        saved_at INTEGER NOT NULL,
        PRIMARY KEY (rule_seq, version)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE rule_fires (
        rule_seq INTEGER NOT NULL REFERENCES rules (seq) ON DELETE CASCADE,
        conversation_seq INTEGER NOT NULL REFERENCES conversations (seq) ON DELETE CASCADE,
        fire_key TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (rule_seq, conversation_seq, fire_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX rule_fires_by_conversation ON rule_fires (conversation_seq);

      CREATE TABLE rule_timers (
        rule_seq INTEGER NOT NULL REFERENCES rules (seq) ON DELETE CASCADE,
        conversation_seq INTEGER NOT NULL REFERENCES conversations (seq) ON DELETE CASCADE,
        due_at INTEGER NOT NULL,
        PRIMARY KEY (rule_seq, conversation_seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX rule_timers_due ON rule_timers (due_at);

      CREATE TABLE rule_round_robin (
        rule_seq INTEGER PRIMARY KEY REFERENCES rules (seq) ON DELETE CASCADE,
        last_person_id TEXT NOT NULL
      ) STRICT;

      CREATE TABLE person_notices (
        seq INTEGER PRIMARY KEY,
        person_seq INTEGER NOT NULL REFERENCES people (seq) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('rule', 'mention', 'handoff')),
        conversation_seq INTEGER REFERENCES conversations (seq) ON DELETE CASCADE,
        text TEXT NOT NULL,
        data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        created_at INTEGER NOT NULL,
        deliver_after INTEGER NOT NULL,
        delivered_at INTEGER
      ) STRICT;
      CREATE INDEX person_notices_pending ON person_notices (deliver_after) WHERE delivered_at IS NULL;

      ALTER TABLE notes ADD COLUMN kind TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'handoff', 'rule'));
      ALTER TABLE notes ADD COLUMN author_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE notes ADD COLUMN rule_seq INTEGER REFERENCES rules (seq) ON DELETE SET NULL;
      ALTER TABLE notes ADD COLUMN rule_name TEXT;
      ALTER TABLE notes ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(mentions));

      ALTER TABLE contacts ADD COLUMN is_vip INTEGER NOT NULL DEFAULT 0 CHECK (is_vip IN (0, 1));
      ALTER TABLE contacts ADD COLUMN is_verified INTEGER CHECK (is_verified IN (0, 1));

      ALTER TABLE outbox ADD COLUMN rule_seq INTEGER REFERENCES rules (seq) ON DELETE SET NULL;
      ALTER TABLE outbox ADD COLUMN held_reason TEXT;

      CREATE TABLE sensitive_topics (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        words TEXT NOT NULL CHECK (json_valid(words)),
        starts_on TEXT NOT NULL,
        ends_on TEXT CHECK (ends_on IS NULL OR ends_on >= starts_on),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
