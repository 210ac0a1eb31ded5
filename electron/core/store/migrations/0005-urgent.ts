import type { Migration } from '../migrate';

/**
 * Urgent conversations and who receives them: the crisis keywords that mark a conversation
 * urgent on arrival (fr/en defaults, editable per workspace) and the on-call person who
 * receives urgent items when nobody is on duty.
 */
export const urgent: Migration = {
  version: 5,
  name: 'urgent',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN urgent_at INTEGER;
      CREATE INDEX conversations_urgent ON conversations (urgent_at DESC) WHERE urgent_at IS NOT NULL;
      ALTER TABLE people ADD COLUMN is_on_call INTEGER NOT NULL DEFAULT 0 CHECK (is_on_call IN (0, 1));
      CREATE TABLE crisis_keywords (
        seq INTEGER PRIMARY KEY,
        keyword TEXT NOT NULL UNIQUE COLLATE NOCASE,
        language TEXT NOT NULL
      ) STRICT;
    `);
    const insert = db.prepare('INSERT INTO crisis_keywords (keyword, language) VALUES (?, ?)');
    // Words that, in a brand's inbox, mean "a person may be hurt, or lawyers are coming".
    for (const keyword of ['intoxication', 'empoisonnement', 'allergie', 'réaction allergique', 'hôpital', 'urgence', 'rappel de produit', 'avocat', 'poursuite', 'mise en demeure', 'brûlure', 'moisissure', 'blessé']) {
      insert.run(keyword, 'fr');
    }
    for (const keyword of ['food poisoning', 'poisoning', 'allergic reaction', 'hospital', 'emergency', 'recall', 'lawyer', 'lawsuit', 'sue you', 'burned', 'mould', 'mold', 'injured']) {
      insert.run(keyword, 'en');
    }
  },
};
