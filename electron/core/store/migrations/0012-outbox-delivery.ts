import type { Migration } from '../migrate';

/**
 * Whether an earlier attempt may have reached the platform: set by a timeout or an unclear
 * error after the reply was handed over, or by a crash mid-send. Only then does the next attempt
 * ask the platform first, and only then are edit and cancel refused (a new draft could double
 * a reply that is already there). Counting attempts for this, as before, held replies that
 * never left (offline, rate-limited) for a check they did not need.
 */
export const outboxDelivery: Migration = {
  version: 12,
  name: 'outbox delivery',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN may_have_reached INTEGER NOT NULL DEFAULT 0 CHECK (may_have_reached IN (0, 1));
      -- Rows already tried keep the old, cautious rule.
      UPDATE outbox SET may_have_reached = 1 WHERE attempts > 0 AND state IN ('queued', 'sending', 'failed');
    `);
  },
};
