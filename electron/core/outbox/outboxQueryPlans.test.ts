import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { OUTBOX_SQL } from './outboxStore';

/** The plan's detail lines: which table is scanned whole, which index is searched. */
const planOf = (sql: string) => {
  const db = openDatabase(':memory:');
  const lines = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 0)).map((row) => row.detail);
  db.close();
  return lines;
};

describe('outbox statements read indexes, not the tables', () => {
  it.each(Object.entries(OUTBOX_SQL))('%s', (_name, sql) => {
    const plan = planOf(sql);
    // Scanning a partial index of the queue is fine: it holds only what waits.
    expect(plan.filter((line) => /^SCAN (o|c|a|outbox|conversations|accounts|messages)\b(?!.*USING (COVERING )?INDEX outbox_)/.test(line))).toEqual([]);
    expect(plan.some((line) => /outbox_due|outbox_open/.test(line))).toBe(true);
  });
});
