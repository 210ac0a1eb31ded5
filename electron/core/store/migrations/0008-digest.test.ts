import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 8 (digest)', () => {
  it('adds the dismissal time to people and the digest indexes, keeping the data', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 7));
    db.exec("INSERT INTO people (id, is_me, name, created_at, updated_at) VALUES ('p', 1, 'Ana', 0, 0)");
    expect(migrate(db, MIGRATIONS.slice(0, 8))).toBe(8);
    expect(db.prepare('SELECT name, digest_dismissed_at FROM people').all()).toEqual([{ name: 'Ana', digest_dismissed_at: null }]);
    const indexes = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name IN ('conversations_by_created', 'activity_by_action', 'messages_outbound') ORDER BY name").all();
    expect(indexes.map((index) => index.name)).toEqual(['activity_by_action', 'conversations_by_created', 'messages_outbound']);
    expect(indexes.find((index) => index.name === 'messages_outbound')?.sql).toContain("WHERE direction = 'out'");
  });
});
