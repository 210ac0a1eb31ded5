import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem, T0 } from '../testing/itemBuilder';
import { insertTaggingRule } from '../testing/taggingRule';
import type { ScheduleInput } from '../testing/scheduleInput';
import { WAITING_AMONG_SQL } from './waitingConversations';
import { nextTimerDueAt, rebuildTimers, rebuildRuleTimers, refreshTimers, takeDueTimers } from './ruleTimers';

const fx = useCoreWithAccount();
const MINUTE = 60_000;
const nineToFive = [['09:00', '17:00']] as [string, string][];
// T0 is Monday 2026-11-02 14:00 UTC: 09:00 in Toronto (EST).
const torontoWeekdays: ScheduleInput = {
  timeZone: 'America/Toronto',
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] },
};

const db = () => fx.core.context.db;
const timers = () => db().prepare<[], { rule_seq: number; conversation_seq: number; due_at: number }>('SELECT rule_seq, conversation_seq, due_at FROM rule_timers ORDER BY rule_seq, conversation_seq').all();
const seqOf = (thread: string) => db().prepare<[string], { seq: number }>('SELECT seq FROM conversations WHERE thread_external_id = ?').get(thread)?.seq ?? 0;
const idOf = (thread: string) => db().prepare<[string], { id: string }>('SELECT id FROM conversations WHERE thread_external_id = ?').get(thread)?.id ?? '';

/** Ingests and refreshes the timers of what it touched, as the core does after each batch. */
function ingest(items: Parameters<typeof fx.ingest>[0]): void {
  fx.ingest(items);
  refreshTimers(db(), [...new Set(items.map((item) => seqOf(String(item.threadExternalId))))]);
}
const answer = (n: number, thread: string, overrides: Partial<Parameters<typeof commentItem>[0]> = {}) =>
  commentItem({ n, thread, direction: 'out', author: { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie' }, ...overrides });

describe('rule timers', () => {
  it('waits N minutes from the latest message from a person, and stops waiting when the brand answers', () => {
    const rule = insertTaggingRule(db(), { type: 'noReply', workingMinutes: 30 });
    ingest([commentItem({ n: 1, thread: 'a' })]);
    expect(timers()).toEqual([{ rule_seq: rule, conversation_seq: seqOf('a'), due_at: T0 + MINUTE + 30 * MINUTE }]);
    ingest([commentItem({ n: 2, thread: 'a' })]);
    expect(timers()).toEqual([{ rule_seq: rule, conversation_seq: seqOf('a'), due_at: T0 + 2 * MINUTE + 30 * MINUTE }]);
    ingest([answer(3, 'a')]);
    expect(timers()).toEqual([]);
    ingest([commentItem({ n: 4, thread: 'a' })]);
    expect(timers()).toEqual([{ rule_seq: rule, conversation_seq: seqOf('a'), due_at: T0 + 4 * MINUTE + 30 * MINUTE }]);
  });

  it('keeps waiting after an automatic answer (an away reply is not the team answering)', () => {
    insertTaggingRule(db(), { type: 'noReply', workingMinutes: 30 });
    fx.ingest([commentItem({ n: 1, thread: 'a' }), answer(2, 'a')]);
    db().prepare("UPDATE messages SET sent_by_kind = 'away_reply' WHERE direction = 'out'").run();
    refreshTimers(db(), [seqOf('a')]);
    expect(timers().map((timer) => timer.due_at)).toEqual([T0 + 31 * MINUTE]);
  });

  it('counts the account’s business hours: a message at 16:50 waits until 09:20 the next morning (Toronto)', async () => {
    await fx.core.call('accounts.setBusinessHours', { accountId: fx.accountId, schedule: torontoWeekdays });
    insertTaggingRule(db(), { type: 'noReply', workingMinutes: 30 });
    // Monday 16:50 EST = 21:50 UTC.
    ingest([commentItem({ n: 1, thread: 'a', createdAt: Date.UTC(2026, 10, 2, 21, 50) })]);
    expect(timers().map((timer) => timer.due_at)).toEqual([Date.UTC(2026, 10, 3, 14, 20)]);
  });

  it('counts the assignee’s hours when the rule says so, and the account’s while nobody has it', async () => {
    await fx.core.call('accounts.setBusinessHours', { accountId: fx.accountId, schedule: torontoWeekdays });
    const night = await fx.core.call('team.add', { name: 'Nadia', schedule: { timeZone: 'America/Toronto', weekly: { mon: [['20:00', '04:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } } });
    insertTaggingRule(db(), { type: 'noReply', workingMinutes: 60, hours: 'assignee' });
    // Monday 17:30 EST (22:30 UTC): the account is closed until Tuesday 09:00; Nadia starts at 20:00.
    ingest([commentItem({ n: 1, thread: 'a', createdAt: Date.UTC(2026, 10, 2, 22, 30) })]);
    expect(timers().map((timer) => timer.due_at)).toEqual([Date.UTC(2026, 10, 3, 15, 0)]);
    await fx.core.call('conversations.assign', { ids: [idOf('a')], assigneeId: night.id });
    refreshTimers(db(), [seqOf('a')]);
    expect(timers().map((timer) => timer.due_at)).toEqual([Date.UTC(2026, 10, 3, 2, 0)]);
  });

  it('waits on unassigned conversations from their first unanswered message, and stops once someone has it or it is done', async () => {
    const rule = insertTaggingRule(db(), { type: 'unassigned', workingMinutes: 15 });
    ingest([commentItem({ n: 1, thread: 'a' }), commentItem({ n: 5, thread: 'a' }), commentItem({ n: 2, thread: 'b' })]);
    expect(timers()).toEqual([
      { rule_seq: rule, conversation_seq: seqOf('a'), due_at: T0 + 16 * MINUTE },
      { rule_seq: rule, conversation_seq: seqOf('b'), due_at: T0 + 17 * MINUTE },
    ]);
    const me = await fx.core.call('duty.me', {});
    await fx.core.call('conversations.assign', { ids: [idOf('a')], assigneeId: me.id });
    await fx.core.call('conversations.setStatus', { ids: [idOf('b')], status: 'done' });
    refreshTimers(db(), [seqOf('a'), seqOf('b')]);
    expect(timers()).toEqual([]);
  });

  it('starts an unassigned wait again when a conversation is given back to nobody, and lets it fire again', async () => {
    const rule = insertTaggingRule(db(), { type: 'unassigned', workingMinutes: 15 });
    ingest([commentItem({ n: 1, thread: 'a' })]);
    expect(takeDueTimers(db(), T0 + 16 * MINUTE)).toEqual([{ ruleSeq: rule, conversationSeqs: [seqOf('a')] }]);
    const me = await fx.core.call('duty.me', {});
    fx.core.now.value = T0 + 20 * MINUTE;
    await fx.core.call('conversations.assign', { ids: [idOf('a')], assigneeId: me.id });
    fx.core.now.value = T0 + 30 * MINUTE;
    await fx.core.call('conversations.assign', { ids: [idOf('a')], assigneeId: null });
    refreshTimers(db(), [seqOf('a')]);
    expect(timers()).toEqual([{ rule_seq: rule, conversation_seq: seqOf('a'), due_at: T0 + 45 * MINUTE }]);
    expect(takeDueTimers(db(), T0 + 45 * MINUTE)).toEqual([{ ruleSeq: rule, conversationSeqs: [seqOf('a')] }]);
  });

  it('clears a no-reply wait when the conversation is marked spam', async () => {
    insertTaggingRule(db(), { type: 'noReply', workingMinutes: 30 });
    ingest([commentItem({ n: 1, thread: 'a' })]);
    await fx.core.call('conversations.setStatus', { ids: [idOf('a')], status: 'spam' });
    refreshTimers(db(), [seqOf('a')]);
    expect(timers()).toEqual([]);
  });

  it('fires once per waiting message: a taken timer is marked and not set again until a new message waits', () => {
    const rule = insertTaggingRule(db(), { type: 'noReply', workingMinutes: 30 });
    ingest([commentItem({ n: 1, thread: 'a' }), commentItem({ n: 2, thread: 'b' })]);
    expect(nextTimerDueAt(db())).toBe(T0 + 31 * MINUTE);
    expect(takeDueTimers(db(), T0 + 31 * MINUTE)).toEqual([{ ruleSeq: rule, conversationSeqs: [seqOf('a')] }]);
    expect(db().prepare('SELECT fire_key FROM rule_fires').all()).toEqual([{ fire_key: `noReply:${db().prepare<[], { seq: number }>("SELECT seq FROM messages WHERE external_id = 'msg-1'").get()?.seq}` }]);
    refreshTimers(db(), [seqOf('a'), seqOf('b')]);
    expect(timers().map((timer) => timer.conversation_seq)).toEqual([seqOf('b')]);
    expect(takeDueTimers(db(), T0 + 31 * MINUTE)).toEqual([]);
    ingest([commentItem({ n: 40, thread: 'a' })]);
    expect(timers().map((timer) => timer.due_at)).toEqual([T0 + 70 * MINUTE, T0 + 32 * MINUTE]);
  });

  it('keeps a wait that moved later when its old due time is reached', async () => {
    const rule = insertTaggingRule(db(), { type: 'noReply', workingMinutes: 30 });
    // Monday 16:50 in Toronto: no hours yet, due at 17:20.
    ingest([commentItem({ n: 1, thread: 'a', createdAt: Date.UTC(2026, 10, 2, 21, 50) })]);
    // Hours saved without the timers being told: at 17:20 the wait really ends Tuesday 09:20.
    db().prepare('UPDATE accounts SET business_hours = ?').run(JSON.stringify({ ...torontoWeekdays, exceptions: [] }));
    expect(takeDueTimers(db(), Date.UTC(2026, 10, 2, 22, 20))).toEqual([]);
    expect(timers()).toEqual([{ rule_seq: rule, conversation_seq: seqOf('a'), due_at: Date.UTC(2026, 10, 3, 14, 20) }]);
  });

  it('builds a rule’s timers over every waiting conversation when it is turned on, and drops them when turned off', () => {
    ingest([commentItem({ n: 1, thread: 'a' }), commentItem({ n: 2, thread: 'b' }), answer(3, 'b')]);
    const rule = insertTaggingRule(db(), { type: 'noReply', workingMinutes: 10 });
    expect(timers()).toEqual([]);
    rebuildRuleTimers(db(), rule);
    expect(timers()).toEqual([{ rule_seq: rule, conversation_seq: seqOf('a'), due_at: T0 + 11 * MINUTE }]);
    db().prepare('UPDATE rules SET is_enabled = 0 WHERE seq = ?').run(rule);
    rebuildRuleTimers(db(), rule);
    expect(timers()).toEqual([]);
  });

  it('moves every due time when business hours change', async () => {
    insertTaggingRule(db(), { type: 'unassigned', workingMinutes: 30 });
    // Monday 16:50 EST.
    ingest([commentItem({ n: 1, thread: 'a', createdAt: Date.UTC(2026, 10, 2, 21, 50) })]);
    expect(timers().map((timer) => timer.due_at)).toEqual([Date.UTC(2026, 10, 2, 22, 20)]);
    await fx.core.call('accounts.setBusinessHours', { accountId: fx.accountId, schedule: torontoWeekdays });
    rebuildTimers(db(), () => true);
    expect(timers().map((timer) => timer.due_at)).toEqual([Date.UTC(2026, 10, 3, 14, 20)]);
  });

  it('looks the changed conversations up by key after each batch, never scanning the open ones', () => {
    const plan = db().prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${WAITING_AMONG_SQL}`).all('[1]').map((row) => row.detail);
    expect(plan).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.filter((detail) => /SCAN c\b|conversations_by_status/.test(detail))).toEqual([]);
  });
});
