import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 23 (hub sync)', () => {
  it('starts the cursor at 0 and keeps outgoing changes in order, refusing what is not JSON or a known op', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS.slice(0, 23))).toBe(23);
    expect(db.prepare('SELECT cursor, last_sync_at FROM hub_sync_state').all()).toEqual([{ cursor: 0, last_sync_at: null }]);
    const queue = db.prepare('INSERT INTO hub_outgoing (id, entity, entity_id, field, value, op, made_at) VALUES (?, ?, ?, ?, ?, ?, 5)');
    queue.run('b', 'conversation', 'c1', 'status', '"done"', 'set');
    queue.run('a', 'note', 'n1', 'row', '{"text":"Rappeler"}', 'append');
    expect(db.prepare('SELECT id FROM hub_outgoing ORDER BY seq').pluck().all()).toEqual(['b', 'a']);
    expect(() => queue.run('c', 'conversation', 'c1', 'status', 'done', 'set')).toThrow(/CHECK/);
    expect(() => queue.run('d', 'conversation', 'c1', 'status', '"done"', 'delete')).toThrow(/CHECK/);
    expect(() => queue.run('b', 'conversation', 'c1', 'status', '"open"', 'set')).toThrow(/UNIQUE/);
    expect(() => db.exec('INSERT INTO hub_sync_state (id, cursor) VALUES (2, 0)')).toThrow(/CHECK/);
  });
});
