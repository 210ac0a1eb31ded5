import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fillEveryTable } from '../../testing/fillEveryTable';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 17 (drafts)', () => {
  it('adds a strict drafts table, one per conversation, never empty, gone with its conversation', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 16));
    fillEveryTable(db);
    expect(migrate(db, MIGRATIONS.slice(0, 17))).toBe(17);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'drafts'").get()).toEqual({ strict: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });

    const seq = (db.prepare('SELECT seq FROM conversations').get() as { seq: number }).seq;
    const insert = db.prepare('INSERT INTO drafts (conversation_seq, text, started_at, updated_at) VALUES (?, ?, 1, 1)');
    insert.run(seq, 'Bonjour,');
    expect(() => insert.run(seq, 'Encore')).toThrow(/UNIQUE constraint|PRIMARY KEY/);
    expect(() => insert.run(seq + 1_000, 'Nulle part')).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM drafts');
    expect(() => insert.run(seq, '')).toThrow(/CHECK constraint/);

    // A conversation of its own, without messages (the filler's would trip the search index's triggers).
    const other = db.prepare(
      `INSERT INTO conversations (id, account_seq, platform, kind, thread_external_id, contact_seq, last_message_at, created_at, updated_at)
       SELECT 'other', account_seq, platform, kind, 'other-thread', contact_seq, 0, 0, 0 FROM conversations`,
    ).run().lastInsertRowid;
    insert.run(other, 'Bonjour,');
    db.prepare('DELETE FROM conversations WHERE seq = ?').run(other);
    expect(db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
  });
});
