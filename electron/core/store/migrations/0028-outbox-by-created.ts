import type { Migration } from '../migrate';

/**
 * The outbox's history, newest first, by an index: the outbox keeps every reply ever sent, and
 * the Outbox view lists it again on every send while it is open (`outboxListSql`). Without the
 * index each listing read and sorted the whole table to show its first page.
 */
export const outboxByCreated: Migration = {
  version: 28,
  name: 'outbox by created',
  up(db) {
    db.exec('CREATE INDEX outbox_by_created ON outbox (created_at, seq)');
  },
};
