import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from '.';

describe('migration 6: outbox', () => {
  it('adds the outbox on top of a version-5 database holding a person and a conversation', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 5));
    db.exec(`
      INSERT INTO people (id, is_me, name, created_at, updated_at) VALUES ('p1', 1, 'Léa', 0, 0);
      INSERT INTO accounts (id, platform, external_id, name, handle, created_at, updated_at) VALUES ('a1', 'facebook', 'page', 'Page', '@page', 0, 0);
      INSERT INTO contacts (id, platform, external_id, handle, name, first_seen_at, updated_at) VALUES ('k1', 'facebook', 'fan', '@fan', 'Fan', 0, 0);
      INSERT INTO conversations (id, account_seq, platform, kind, thread_external_id, contact_seq, last_message_at, created_at, updated_at)
        VALUES ('c1', 1, 'facebook', 'comment', 't1', 1, 0, 0, 0);
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 6))).toBe(6);
    expect(db.prepare('SELECT undo_send_ms FROM people').get()).toEqual({ undo_send_ms: 10_000 });
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'outbox'").get()).toEqual({ strict: 1 });

    const insert = db.prepare("INSERT INTO outbox (id, idempotency_key, kind, conversation_seq, text, state, not_before, created_at, updated_at) VALUES (?, ?, 'reply', 1, 'Merci!', ?, 0, 0, 0)");
    insert.run('o1', 'key-1', 'queued');
    expect(() => insert.run('o2', 'key-1', 'queued')).toThrow(/UNIQUE constraint failed: outbox.idempotency_key/);
    expect(() => insert.run('o3', 'key-3', 'lost')).toThrow(/CHECK constraint/);
    expect(() => db.exec('UPDATE people SET undo_send_ms = 60001')).toThrow(/CHECK constraint/);
    db.pragma('foreign_keys = ON');
    db.exec("DELETE FROM conversations WHERE id = 'c1'");
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });
});
