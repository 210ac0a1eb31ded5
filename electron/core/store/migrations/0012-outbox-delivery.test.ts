import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 12 (outbox delivery)', () => {
  it('marks rows already tried as possibly delivered, and nothing else', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 11));
    db.exec(`
      INSERT INTO accounts (id, platform, external_id, name, handle, created_at, updated_at) VALUES ('a1', 'facebook', 'page', 'Page', '@page', 0, 0);
      INSERT INTO contacts (id, platform, external_id, handle, name, first_seen_at, updated_at) VALUES ('k1', 'facebook', 'fan', '@fan', 'Fan', 0, 0);
      INSERT INTO conversations (id, account_seq, platform, kind, thread_external_id, contact_seq, last_message_at, created_at, updated_at)
        VALUES ('c1', 1, 'facebook', 'comment', 't1', 1, 0, 0, 0);
      INSERT INTO outbox (id, idempotency_key, kind, conversation_seq, text, state, attempts, not_before, created_at, updated_at) VALUES
        ('fresh', 'k-fresh', 'reply', 1, 'a', 'queued', 0, 0, 0, 0),
        ('retried', 'k-retried', 'reply', 1, 'b', 'queued', 2, 0, 0, 0),
        ('failed', 'k-failed', 'reply', 1, 'c', 'failed', 1, 0, 0, 0),
        ('sent', 'k-sent', 'reply', 1, 'd', 'sent', 1, 0, 0, 0);
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 12))).toBe(12);
    expect(db.prepare('SELECT id, may_have_reached FROM outbox ORDER BY seq').all()).toEqual([
      { id: 'fresh', may_have_reached: 0 },
      { id: 'retried', may_have_reached: 1 },
      { id: 'failed', may_have_reached: 1 },
      { id: 'sent', may_have_reached: 0 },
    ]);
  });
});
