import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 26 (assignment history index)', () => {
  it('indexes assignment lines only, by time, and keeps every line', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 25));
    const line = db.prepare("INSERT INTO activity (id, at, actor, action, subject_type, subject_id) VALUES (?, ?, 'me', ?, 'conversation', 'c1')");
    line.run('a1', 1, 'conversation.assigned');
    line.run('a2', 2, 'conversation.tags');
    expect(migrate(db, MIGRATIONS.slice(0, 26))).toBe(26);
    line.run('a3', 3, 'conversation.assigned');
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'activity' AND name LIKE 'activity_by_action%'").all()).toEqual([]);
    // Through the index: the assignments, in time order, not the tag line.
    expect(db.prepare("SELECT id FROM activity INDEXED BY activity_assignments WHERE action = 'conversation.assigned' AND at >= 0 ORDER BY at").pluck().all()).toEqual(['a1', 'a3']);
    // Only a query naming the assignments as written can use it.
    expect(() => db.prepare('SELECT id FROM activity INDEXED BY activity_assignments WHERE action = ?')).toThrow('no query solution');
    expect(db.prepare('SELECT count(*) FROM activity').pluck().get()).toBe(3);
  });
});
