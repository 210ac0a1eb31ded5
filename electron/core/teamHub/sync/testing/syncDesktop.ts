import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../../../ids';
import { openDatabase, type Db } from '../../../store/database';
import { startCapture, type CaptureHandle } from '../startCapture';

/** A desktop's database for sync tests: a real SQLite file with migrations, capture on. */
export type SyncDesktop = { db: Db; path: string; desktopId: string; capture: CaptureHandle; close(): void };

export function newSyncDesktop(now: () => number = Date.now): SyncDesktop {
  const dir = mkdtempSync(join(tmpdir(), 'pieuvre-hubsync-'));
  const path = join(dir, 'pieuvre.db');
  const db = openDatabase(path);
  const desktopId = newId();
  const capture = startCapture(db, { desktopId, now });
  return {
    db,
    path,
    desktopId,
    capture,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An account as connecting one would store it (platform and external id are its identity). */
export function addAccount(db: Db, options: { platform?: string; externalId?: string; isDemo?: boolean } = {}): string {
  const id = newId();
  db.prepare('INSERT INTO accounts (id, platform, external_id, name, handle, is_demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, 1)').run(
    id, options.platform ?? 'mastodon', options.externalId ?? '109', 'Café Lune', '@cafelune', options.isDemo ? 1 : 0,
  );
  return id;
}

/** A conversation with its contact, as ingest would store it; returns its id. */
export function addConversation(db: Db, accountId: string, thread: string): string {
  const id = newId();
  const contact = db.prepare('SELECT seq FROM contacts WHERE platform = ? AND external_id = ?').pluck().get('mastodon', `author-${thread}`) as number | undefined;
  const contactSeq =
    contact ??
    Number(
      db.prepare("INSERT INTO contacts (id, platform, external_id, handle, name, first_seen_at, updated_at) VALUES (?, 'mastodon', ?, ?, 'Éloïse', 1, 1)").run(newId(), `author-${thread}`, `@eloise-${thread}`).lastInsertRowid,
    );
  db.prepare(
    `INSERT INTO conversations (id, account_seq, platform, kind, thread_external_id, contact_seq, last_message_at, snippet, created_at, updated_at)
     SELECT ?, seq, platform, 'dm', ?, ?, 10, 'Bonjour', 10, 10 FROM accounts WHERE id = ?`,
  ).run(id, thread, contactSeq, accountId);
  return id;
}

export function addPerson(db: Db, name: string, options: { isMe?: boolean } = {}): string {
  const id = newId();
  db.prepare('INSERT INTO people (id, is_me, name, created_at, updated_at) VALUES (?, ?, ?, 1, 1)').run(id, options.isMe ? 1 : 0, name);
  return id;
}

/** The hub keeps values as jsonb, which reorders keys: JSON columns are compared parsed. */
const JSON_COLUMNS = new Set(['data', 'definition', 'schedule', 'tags', 'people', 'variants']);
const all = (db: Db, sql: string) =>
  (db.prepare(sql).all() as Record<string, unknown>[]).map((row) =>
    Object.fromEntries(Object.entries(row).map(([column, value]) => [column, JSON_COLUMNS.has(column) && typeof value === 'string' ? (JSON.parse(value) as unknown) : value])),
  );

/** Everything team sync carries, by stable ids, in a fixed order: equal on every desktop once converged. */
export function syncedState(db: Db): Record<string, unknown[]> {
  return {
    accounts: all(db, 'SELECT id, platform, external_id, name, handle, is_paused, sync_interval_ms FROM accounts WHERE is_demo = 0 ORDER BY id'),
    people: all(db, 'SELECT id, name, schedule, is_on_call, accepts_urgent_off_duty, avatar_url FROM people ORDER BY id'),
    onCallRota: all(
      db,
      `SELECT r.is_active, r.starts_on, r.handover_weekday, r.handover_time, r.time_zone,
         (SELECT json_group_array(p.id) FROM (SELECT person_seq FROM on_call_rota_members ORDER BY position) m JOIN people p ON p.seq = m.person_seq) AS people
       FROM on_call_rota r`,
    ),
    dutyOverrides: all(db, 'SELECT p.id AS person_id, d.kind, d.starts_at, d.ends_at FROM duty_overrides d JOIN people p ON p.seq = d.person_seq ORDER BY 1, 2, 3, 4'),
    conversations: all(
      db,
      `SELECT c.id, a.id AS account_id, c.thread_external_id, c.status, c.snooze_until, c.assignee_id, c.priority, c.urgent_at,
         (SELECT json_group_array(lower(name)) FROM (SELECT t.name FROM conversation_tags ct JOIN tags t ON t.seq = ct.tag_seq WHERE ct.conversation_seq = c.seq ORDER BY lower(t.name))) AS tags
       FROM conversations c JOIN accounts a ON a.seq = c.account_seq WHERE a.is_demo = 0 ORDER BY c.id`,
    ),
    contacts: all(db, 'SELECT platform, external_id, is_vip, blocked_at, muted_at FROM contacts ORDER BY platform, external_id'),
    messages: all(db, 'SELECT a.id AS account_id, m.external_id, c.id AS conversation_id, m.text, m.edited_at, m.is_hidden, m.is_deleted FROM messages m JOIN accounts a ON a.seq = m.account_seq JOIN conversations c ON c.seq = m.conversation_seq ORDER BY a.id, m.external_id'),
    notes: all(db, 'SELECT n.id, c.id AS conversation_id, n.author_id, n.text FROM notes n JOIN conversations c ON c.seq = n.conversation_seq ORDER BY n.id'),
    activity: all(db, "SELECT id, actor, action, subject_id, data FROM activity WHERE actor <> 'demo' ORDER BY id"),
    rules: all(db, "SELECT coalesce('built-in:' || built_in, id) AS id, name, position, is_enabled, definition, version FROM rules ORDER BY 1"),
    // A built-in rule's first version was saved at each desktop's install: its time is its own until a teammate's snapshot.
    ruleVersions: all(db, "SELECT coalesce('built-in:' || r.built_in, r.id) AS id, v.version, v.definition FROM rule_versions v JOIN rules r ON r.seq = v.rule_seq ORDER BY 1, 2"),
    outbox: all(db, 'SELECT o.id, c.id AS conversation_id, o.text, o.state, o.sent_external_id FROM outbox o JOIN conversations c ON c.seq = o.conversation_seq ORDER BY o.id'),
    templates: all(
      db,
      `SELECT t.id, t.name, t.shortcut, t.folder, t.tags, (SELECT json_group_array(json_array(language, platform, body)) FROM
         (SELECT * FROM template_variants v WHERE v.template_seq = t.seq ORDER BY position, language, platform)) AS variants FROM templates t ORDER BY t.id`,
    ),
  };
}
