import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 18 (sent by)', () => {
  it('names the sender of every outgoing message: my replies, away replies, the demo teammates, else outside Pieuvre', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 17));
    db.exec(`
      INSERT INTO people (id, is_me, name, created_at, updated_at) VALUES ('p-me', 1, 'Ana', 0, 0), ('p-cam', 0, 'Camille', 0, 0);
      INSERT INTO accounts (id, platform, external_id, name, handle, created_at, updated_at) VALUES ('a1', 'mastodon', 'brand', 'Brand', '@brand', 0, 0);
      INSERT INTO accounts (id, platform, external_id, name, handle, is_demo, created_at, updated_at) VALUES ('a2', 'facebook', 'demo', 'Demo', '@demo', 1, 0, 0);
      INSERT INTO contacts (id, platform, external_id, handle, name, first_seen_at, updated_at) VALUES ('fan', 'mastodon', 'fan', '@fan', 'Fan', 0, 0);
      INSERT INTO conversations (id, account_seq, platform, kind, thread_external_id, contact_seq, last_message_at, created_at, updated_at) VALUES
        ('c1', 1, 'mastodon', 'mention', 't1', 1, 0, 0, 0), ('c2', 2, 'facebook', 'dm', 't2', 1, 0, 0, 0), ('c3', 2, 'facebook', 'dm', 't3', 1, 0, 0, 0);
      INSERT INTO messages (seq, conversation_seq, account_seq, external_id, direction, contact_seq, author_label, text, created_at, received_at) VALUES
        (41, 1, 1, 'in1', 'in', 1, 'Fan', 'hi', 0, 0),
        (42, 1, 1, 'mine', 'out', 1, 'Brand', 'hello', 0, 0),
        (43, 1, 1, 'away', 'out', 1, 'Brand', 'back monday', 0, 0),
        (44, 1, 1, 'elsewhere', 'out', 1, 'Brand', 'from the app', 0, 0),
        (45, 3, 2, 'demo-out', 'out', 1, 'Demo', 'merci', 0, 0),
        (46, 3, 2, 'demo-julie', 'out', 1, 'Demo', 'Désolés! — Julie, service à la clientèle', 0, 0);
      INSERT INTO outbox (id, idempotency_key, kind, conversation_seq, text, state, not_before, sent_external_id, created_at, updated_at) VALUES
        ('o1', 'k1', 'reply', 1, 'hello', 'sent', 0, 'mine', 0, 0),
        ('o2', 'k2', 'away_reply', 1, 'back monday', 'sent', 0, 'away', 0, 0),
        ('o3', 'k3', 'reply', 1, 'later', 'queued', 0, NULL, 0, 0),
        ('o4', 'k4', 'moderation', 1, '', 'sent', 0, NULL, 0, 0);
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 18))).toBe(18);
    expect(db.prepare('SELECT seq, sent_by_kind, sent_by_person_seq, sent_by_name FROM messages ORDER BY seq').all()).toEqual([
      { seq: 41, sent_by_kind: null, sent_by_person_seq: null, sent_by_name: null },
      { seq: 42, sent_by_kind: 'person', sent_by_person_seq: 1, sent_by_name: 'Ana' },
      { seq: 43, sent_by_kind: 'away_reply', sent_by_person_seq: null, sent_by_name: null },
      { seq: 44, sent_by_kind: 'platform', sent_by_person_seq: null, sent_by_name: null },
      { seq: 45, sent_by_kind: 'person', sent_by_person_seq: null, sent_by_name: 'Alex Tremblay' },
      { seq: 46, sent_by_kind: 'person', sent_by_person_seq: null, sent_by_name: 'Julie Gagnon' },
    ]);
    expect(db.prepare('SELECT id, queued_by_person_seq FROM outbox ORDER BY seq').all()).toEqual([
      { id: 'o1', queued_by_person_seq: 1 },
      { id: 'o2', queued_by_person_seq: null },
      { id: 'o3', queued_by_person_seq: 1 },
      { id: 'o4', queued_by_person_seq: null },
    ]);
    expect(() => db.prepare("UPDATE messages SET sent_by_kind = 'robot' WHERE seq = 42").run()).toThrow(/CHECK/);
    // A teammate who leaves keeps their name on what they sent.
    db.prepare("UPDATE messages SET sent_by_person_seq = 2, sent_by_name = 'Camille' WHERE seq = 44").run();
    db.prepare("DELETE FROM people WHERE id = 'p-cam'").run();
    expect(db.prepare('SELECT sent_by_person_seq, sent_by_name FROM messages WHERE seq = 44').get()).toEqual({ sent_by_person_seq: null, sent_by_name: 'Camille' });
  });
});
