import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 14 (me and assignment)', () => {
  it('adds the signature, marks contacts blocked before it from their history line, and indexes assignees', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 13));
    db.exec(`
      INSERT INTO people (id, is_me, name, created_at, updated_at) VALUES ('p', 1, 'Ana', 0, 0);
      INSERT INTO accounts (id, platform, external_id, name, handle, created_at, updated_at) VALUES ('a1', 'mastodon', 'brand', 'Brand', '@brand', 0, 0);
      INSERT INTO contacts (id, platform, external_id, handle, name, first_seen_at, updated_at) VALUES
        ('troll', 'mastodon', 'troll', '@troll', 'Troll', 0, 0),
        ('fan', 'mastodon', 'fan', '@fan', 'Fan', 0, 0);
      INSERT INTO conversations (id, account_seq, platform, kind, thread_external_id, contact_seq, last_message_at, created_at, updated_at)
        VALUES ('c1', 1, 'mastodon', 'mention', 't1', 1, 0, 0, 0);
      INSERT INTO messages (seq, conversation_seq, account_seq, external_id, direction, contact_seq, author_label, text, created_at, received_at) VALUES
        (41, 1, 1, 'm1', 'in', 1, 'Troll', 'boo', 0, 0),
        (42, 1, 1, 'm2', 'in', 2, 'Fan', 'yay', 0, 0);
      INSERT INTO activity (id, at, actor, action, subject_type, subject_id, data) VALUES
        ('x1', 500, 'me', 'contact.blocked', 'conversation', 'c1', '{"messageId":"41","author":"Troll"}'),
        ('x2', 900, 'me', 'contact.blocked', 'conversation', 'c1', '{"messageId":"41","author":"Troll"}'),
        ('x3', 700, 'me', 'message.hidden', 'conversation', 'c1', '{"messageId":"42","author":"Fan"}');
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 14))).toBe(14);
    expect(db.prepare('SELECT name, signature FROM people').all()).toEqual([{ name: 'Ana', signature: '' }]);
    expect(db.prepare('SELECT id, blocked_at FROM contacts ORDER BY seq').all()).toEqual([
      { id: 'troll', blocked_at: 900 },
      { id: 'fan', blocked_at: null },
    ]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM conversations WHERE assignee_id = 'p' AND status = 'open'").all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('USING COVERING INDEX conversations_by_assignee');
    expect(() => db.prepare("UPDATE people SET signature = ? WHERE id = 'p'").run('x'.repeat(501))).toThrow(/CHECK/);
  });
});
