import { expect, it } from 'vitest';
import { openDatabaseWithStatus } from '../store/database';
import { RECENT_REFS_SQL } from './recentRefs';

it('reads the recent messages by walking the time-ordered keys backwards, never every message of the account', () => {
  const { db } = openDatabaseWithStatus(':memory:');
  const plan = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${RECENT_REFS_SQL}`).all(0, 'account', 200).map((row) => row.detail);
  expect(plan[0]).toBe('SEARCH m USING INTEGER PRIMARY KEY (rowid>?)');
  expect(plan.some((detail) => detail.includes('TEMP B-TREE'))).toBe(false);
  db.close();
});
