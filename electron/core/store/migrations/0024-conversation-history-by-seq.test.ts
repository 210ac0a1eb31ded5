import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { prepareActivityWriter } from '../activity';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

const SEEDS = `
  INSERT INTO accounts (id, platform, external_id, name, handle, created_at, updated_at) VALUES ('a1', 'mastodon', 'brand', 'Brand', '@brand', 0, 0);
  INSERT INTO contacts (id, platform, external_id, handle, name, first_seen_at, updated_at) VALUES ('fan', 'mastodon', 'fan', '@fan', 'Fan', 0, 0);
  INSERT INTO conversations (seq, id, account_seq, platform, kind, thread_external_id, contact_seq, last_message_at, created_at, updated_at)
    VALUES (7, 'c7', 1, 'mastodon', 'mention', 't7', 1, 0, 0, 0), (9, 'c9', 1, 'mastodon', 'mention', 't9', 1, 0, 0, 0);
`;

describe('migration 24 (conversation history by seq)', () => {
  it('keys the lines already written by their conversation’s seq, and leaves the others (and a line whose conversation is gone) by subject', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 23));
    db.exec(`${SEEDS}
      INSERT INTO activity (id, at, actor, action, subject_type, subject_id, data) VALUES
        ('x1', 500, 'me', 'conversation.status', 'conversation', 'c9', '{}'),
        ('x2', 600, 'me', 'account.connected', 'account', 'a1', '{}'),
        ('x3', 700, 'me', 'conversation.status', 'conversation', 'gone', '{}');`);
    expect(migrate(db, MIGRATIONS.slice(0, 24))).toBe(24);
    expect(db.prepare('SELECT id, conversation_seq FROM activity ORDER BY id').all()).toEqual([
      { id: 'x1', conversation_seq: 9 },
      { id: 'x2', conversation_seq: null },
      { id: 'x3', conversation_seq: null },
    ]);
    const plan = (sql: string) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((row) => (row as { detail: string }).detail).join(' ');
    expect(plan('SELECT * FROM activity WHERE conversation_seq = 9 ORDER BY at')).toContain('activity_by_conversation');
    expect(plan("SELECT * FROM activity WHERE subject_id = 'a1' AND conversation_seq IS NULL")).toContain('activity_by_subject');
  });

  it('has the writer fill the seq of a line about a conversation written without it, and keep one given', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 24));
    db.exec(SEEDS);
    const write = prepareActivityWriter(db);
    write({ at: 1, actor: 'me', action: 'conversation.status', subjectType: 'conversation', subjectId: 'c7' });
    write({ at: 2, actor: 'rule:r', action: 'conversation.tags', subjectType: 'conversation', subjectId: 'c9', conversationSeq: 9 });
    write({ at: 3, actor: 'me', action: 'account.connected', subjectType: 'account', subjectId: 'c7' });
    expect(db.prepare('SELECT at, conversation_seq FROM activity ORDER BY at').all()).toEqual([
      { at: 1, conversation_seq: 7 },
      { at: 2, conversation_seq: 9 },
      { at: 3, conversation_seq: null },
    ]);
  });
});
