import type { Migration } from '../migrate';

/**
 * The history's index by action keeps assignments only. One query reads history lines by action
 * over a period, the digest's "assigned to you while you were away" (`DIGEST_SQL.assignedTo`);
 * every other reader finds a conversation's lines by the conversation. Yet every line (a rule's
 * tag or priority, inside ingest; a status change) paid its place in an index of all actions.
 */
export const assignmentHistoryIndex: Migration = {
  version: 26,
  name: 'assignment history index',
  up(db) {
    db.exec(`
      DROP INDEX activity_by_action;
      CREATE INDEX activity_assignments ON activity (at) WHERE action = 'conversation.assigned';
    `);
  },
};
