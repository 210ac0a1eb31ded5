import type { Migration } from '../migrate';

/**
 * When a reply was first handed to its platform: a platform that drops a repeated
 * idempotency key only for a while (Mastodon's lasts about an hour) is trusted to do so only
 * within that window of the first attempt; past it, the outbox asks the platform before
 * sending again. Null: never handed over (or not known, as in a restored backup), so the
 * outbox asks first.
 */
export const outboxHandedOver: Migration = {
  version: 16,
  name: 'outbox handed over',
  up(db) {
    db.exec('ALTER TABLE outbox ADD COLUMN first_handed_over_at INTEGER;');
  },
};
