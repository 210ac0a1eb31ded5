import type { Migration } from '../migrate';

/**
 * Reply templates. A template is a name and a `/shortcut` with one body per language, and
 * optionally per platform within a language: `platform` is '' for the language's general
 * version (a NULL would slip past the UNIQUE constraint). Usage is counted so the composer's
 * picker can put the templates the person reaches for first.
 * `template_settings` is one row: the workspace's default language, used when a conversation's
 * language has no version; and whether the demo's templates were seeded, so that templates
 * the person deleted do not come back at the next start.
 */
export const templates: Migration = {
  version: 10,
  name: 'templates',
  up(db) {
    db.exec(`
      CREATE TABLE templates (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (name <> ''),
        shortcut TEXT NOT NULL UNIQUE CHECK (shortcut <> ''),
        folder TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        usage_count INTEGER NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
        last_used_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE template_variants (
        template_seq INTEGER NOT NULL REFERENCES templates (seq) ON DELETE CASCADE,
        language TEXT NOT NULL,
        platform TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (template_seq, language, platform)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE template_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        default_language TEXT NOT NULL,
        demo_seeded INTEGER NOT NULL DEFAULT 0 CHECK (demo_seeded IN (0, 1))
      ) STRICT;
      INSERT INTO template_settings (id, default_language) VALUES (1, 'fr');
    `);
  },
};
