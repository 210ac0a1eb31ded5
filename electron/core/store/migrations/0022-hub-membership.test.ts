import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 22 (hub membership)', () => {
  it('keeps at most one membership, and no password column', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS.slice(0, 22))).toBe(22);
    const insert = db.prepare(
      `INSERT INTO hub_membership (id, hub_url, workspace_id, workspace_name, role, my_name, desktop_id, is_owner, key_version, joined_at)
       VALUES (?, 'postgresql://hub.example/pieuvre', 'w', 'Équipe', 'pieuvre_0123456789abcdef', 'Julie', 'd', 1, 1, 5)`,
    );
    insert.run(1);
    expect(() => insert.run(2)).toThrow(/CHECK/);
    const columns = (db.prepare('PRAGMA table_info(hub_membership)').all() as { name: string }[]).map((column) => column.name);
    expect(columns.filter((name) => /password|key$|token/u.test(name))).toEqual([]);
  });
});
