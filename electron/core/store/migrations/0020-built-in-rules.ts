import type { Migration } from '../migrate';

// A UUID (version 4) made by SQLite: migrations never import code that may change later.
const NEW_ID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;
const NOW = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;
const FALSE = `json('false')`;

/**
 * The rules the app keeps built in, seeded once and then edited like any other rule:
 * - "Mots de crise / Crisis words": a message with one of the workspace's crisis keywords (as
 *   they are, French and English) marks its conversation urgent, which escalates it as before.
 *   The keywords now live in the rule, so `crisis_keywords` goes: nothing else reads it.
 * - "Pourriel évident / Obvious spam": a message whose local spam score is above 0.7 goes to
 *   Spam (one spam phrase family with a link from a new account, or two families; see
 *   rules/spamScorer.ts for the weights). On by default: obvious spam no longer sits in the inbox.
 * Each gets its first version in `rule_versions`, whole (name included), as every save does.
 */
export const builtInRules: Migration = {
  version: 20,
  name: 'built-in rules',
  up(db) {
    db.exec(`
      INSERT INTO rules (id, position, name, is_enabled, built_in, trigger_type, definition, created_at, updated_at)
      SELECT ${NEW_ID}, (SELECT coalesce(max(position) + 1, 0) FROM rules), 'Mots de crise / Crisis words', 1, 'crisis', 'messageArrived',
        json_object(
          'trigger', json_object('type', 'messageArrived'),
          'when', json_object('all', json_array(json_object('field', 'text', 'op', 'containsAny', 'values', json((SELECT json_group_array(keyword) FROM (SELECT keyword FROM crisis_keywords ORDER BY seq))), 'negate', ${FALSE}))),
          'actions', json_array(json_object('type', 'markUrgent')),
          'stopProcessing', ${FALSE}
        ),
        ${NOW}, ${NOW}
      WHERE EXISTS (SELECT 1 FROM crisis_keywords) AND NOT EXISTS (SELECT 1 FROM rules WHERE built_in = 'crisis');

      INSERT INTO rules (id, position, name, is_enabled, built_in, trigger_type, definition, created_at, updated_at)
      SELECT ${NEW_ID}, (SELECT coalesce(max(position) + 1, 0) FROM rules), 'Pourriel évident / Obvious spam', 1, 'spam', 'messageArrived',
        json_object(
          'trigger', json_object('type', 'messageArrived'),
          'when', json_object('all', json_array(json_object('field', 'spamScore', 'op', 'greaterThan', 'value', 0.7, 'negate', ${FALSE}))),
          'actions', json_array(json_object('type', 'markSpam')),
          'stopProcessing', ${FALSE}
        ),
        ${NOW}, ${NOW}
      WHERE NOT EXISTS (SELECT 1 FROM rules WHERE built_in = 'spam');

      INSERT INTO rule_versions (rule_seq, version, definition, saved_at)
      SELECT seq, version, json_patch(definition, json_object('name', name, 'isEnabled', json(CASE is_enabled WHEN 1 THEN 'true' ELSE 'false' END))), updated_at
      FROM rules WHERE built_in IS NOT NULL
      ON CONFLICT DO NOTHING;

      DROP TABLE crisis_keywords;
    `);
  },
};
