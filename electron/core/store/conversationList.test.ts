import { afterEach, describe, expect, it } from 'vitest';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../../shared/domain/entities';
import { propertySeed } from '../../../shared/testing/propertySeed';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { createTestCore, type TestCore } from '../testing/testCore';
import { conversationWhere, type ConversationFilter } from './conversationFilter';
import { listConversations, listSql, OPEN_URGENT_SQL, statusBranches } from './conversationQueries';

let core: TestCore | null = null;
afterEach(() => core?.close());

/** A small linear congruential generator: the seed replays the same inbox. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

describe('a list of any status, or of several', () => {
  it('reads each status by its index: no pass over every conversation, no sort of them all', () => {
    core = createTestCore();
    const planOf = (sql: string, params: unknown[]) => core!.context.db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((row) => row.detail);
    const sorts = (filter: ConversationFilter) => {
      const where = conversationWhere(filter);
      return planOf(listSql(where!.sql), [...where!.params, 10]).filter((line) => /TEMP B-TREE|^SCAN c\b(?! USING)/u.test(line));
    };
    // Asked as one query, any status reads and sorts every conversation for a page.
    expect(sorts({ platform: 'facebook' })).toEqual(['SCAN c', 'USE TEMP B-TREE FOR ORDER BY']);
    const filters: ConversationFilter[] = [{}, { platform: 'facebook' }, { kind: 'dm' }, { unread: true }, { status: ['open', 'done'] }];
    for (const filter of filters) {
      const branches = statusBranches(filter);
      expect(branches.length).toBe(filter.status === undefined ? CONVERSATION_STATUSES.length : 2);
      for (const branch of branches) expect(sorts(branch), JSON.stringify(branch)).toEqual([]);
    }
  });

  it('reads a person\'s conversations by the person\'s index at once: a branch per status walked every conversation of the status', () => {
    core = createTestCore();
    const filter: ConversationFilter = { contactId: 'someone' };
    expect(statusBranches(filter)).toEqual([filter]);
    const where = conversationWhere(filter);
    const plan = core.context.db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${listSql(where!.sql)}`).all(...where!.params, 10).map((row) => row.detail);
    expect(plan.filter((line) => line.includes(' c USING '))).toEqual([expect.stringContaining('conversations_by_contact')]);
  });

  it('counts the urgent open conversations through the urgent ones only, not every open one', () => {
    core = createTestCore();
    const plan = core.context.db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${OPEN_URGENT_SQL}`).all().map((row) => row.detail);
    expect(plan).toEqual([expect.stringContaining('conversations_urgent')]);
  });

  it('pages through the same conversations in the same order as one query over all of them, ties and all', () => {
    core = createTestCore();
    const { db } = core.context;
    const next = random(propertySeed('any-status list'));
    const accountId = addAccount(db);
    // Times with ties (every 3 minutes, 40 of them) so that seq breaks them, as the cursor does.
    const items = Array.from({ length: 120 }, (_, n) => commentItem({ n, createdAt: Date.UTC(2026, 10, 2) + Math.floor(next() * 40) * 180_000, ...(next() < 0.3 ? { platform: 'facebook' as const } : {}) }));
    core.context.ingest({ accountId, items, source: 'test' });
    const setStatus = db.prepare<[ConversationStatus, number]>('UPDATE conversations SET status = ? WHERE seq = ?');
    for (const seq of db.prepare<[], number>('SELECT seq FROM conversations').pluck().all()) setStatus.run(CONVERSATION_STATUSES[Math.floor(next() * 4)] ?? 'open', seq);
    const oracle = (where: string) => db.prepare<[], string>(`SELECT id FROM conversations WHERE ${where} ORDER BY last_message_at DESC, seq DESC`).pluck().all();
    const cases: [ConversationFilter, string][] = [
      [{}, '1'],
      [{ status: ['open', 'snoozed'] }, "status IN ('open', 'snoozed')"],
      [{ unread: true }, 'unread_count > 0'],
    ];
    for (const [filter, where] of cases) {
      const listed: string[] = [];
      for (let cursor: string | null = null, pages = 0; pages === 0 || cursor !== null; pages++) {
        const page = listConversations(db, { ...filter, limit: 7, ...(cursor === null ? {} : { cursor }) });
        listed.push(...page.items.map((conversation) => conversation.id));
        cursor = page.nextCursor;
      }
      const expected = oracle(where);
      expect(expected.length).toBeGreaterThan(20);
      expect(listed, JSON.stringify(filter)).toEqual(expected);
    }
  });
});
