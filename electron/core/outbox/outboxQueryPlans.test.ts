import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { OUTBOX_SQL, outboxListSql, type OutboxScope } from './outboxStore';

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

describe('the Outbox view reads each scope through an index, the whole history never', () => {
  const SCOPES: readonly OutboxScope[] = ['pending', 'problems', 'all'];
  it.each(SCOPES.flatMap((scope) => [[scope, false], [scope, true]] as const))('%s (of one conversation: %s)', (scope, ofConversation) => {
    const plan = planOf(outboxListSql(scope, ofConversation));
    expect(plan.filter((line) => /^SCAN (o|outbox)\b(?!.*USING (COVERING )?INDEX outbox_)/.test(line))).toEqual([]);
    // The history shows its first page without sorting the table.
    if (scope === 'all' && !ofConversation) expect(plan).toEqual(expect.arrayContaining([expect.stringContaining('outbox_by_created')]));
    if (scope !== 'all') expect(plan.some((line) => /outbox_due|outbox_open|outbox_by_conversation/.test(line))).toBe(true);
  });
});
