import { beforeEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../shared/api/wire';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem, T0 } from '../testing/itemBuilder';
import { insertTaggingRule } from '../testing/taggingRule';
import { runConversationChanged } from './conversationChanged';
import type { RuleEvent, RuleRunResult } from './ruleEvents';
import { NOTHING_RAN } from './ruleRunResults';

/** What the core's rule runner was asked, and what it answers (the engine is another part's). */
let ran: RuleEvent[] = [];
let answer: (event: RuleEvent) => RuleRunResult = () => NOTHING_RAN;
beforeEach(() => {
  ran = [];
  answer = () => NOTHING_RAN;
});
const fx = useCoreWithAccount({
  rules: {
    runRules: (_db, event) => {
      // Ingest raises its own (messageArrived): these tests are about what comes after.
      if (event.type === 'messageArrived') return NOTHING_RAN;
      ran.push(event);
      return answer(event);
    },
  },
});
const db = () => fx.core.context.db;
const seqOf = (thread: string) => db().prepare<[string], { seq: number }>('SELECT seq FROM conversations WHERE thread_external_id = ?').get(thread)?.seq ?? 0;
const idOf = (thread: string) => db().prepare<[string], { id: string }>('SELECT id FROM conversations WHERE thread_external_id = ?').get(thread)?.id ?? '';
const timerCount = () => db().prepare<[], { n: number }>('SELECT count(*) AS n FROM rule_timers').get()?.n;

describe('conversation-changed triggers', () => {
  it('run once after a person changes the status, on the conversations that really changed, and again when it is undone', async () => {
    insertTaggingRule(db(), { type: 'conversationChanged', changes: ['status'] });
    fx.ingest([commentItem({ n: 1, thread: 'a' }), commentItem({ n: 2, thread: 'b' })]);
    await fx.core.call('conversations.setStatus', { ids: [idOf('b')], status: 'done' });
    ran = [];
    const { undoId } = await fx.core.call('conversations.setStatus', { ids: [idOf('a'), idOf('b')], status: 'done' });
    expect(ran).toEqual([{ type: 'conversationChanged', change: 'status', conversationSeqs: [seqOf('a')], byRuleSeq: null }]);
    await fx.core.call('conversations.undo', { undoId });
    expect(ran.slice(1)).toEqual([{ type: 'conversationChanged', change: 'status', conversationSeqs: [seqOf('a')], byRuleSeq: null }]);
  });

  it('run only for the change their trigger names (tags, assignee), never for read or urgent', async () => {
    insertTaggingRule(db(), { type: 'conversationChanged', changes: ['tags', 'assignee'] });
    fx.ingest([commentItem({ n: 1, thread: 'a' })]);
    const me = await fx.core.call('duty.me', {});
    await fx.core.call('conversations.setStatus', { ids: [idOf('a')], status: 'done' });
    await fx.core.call('conversations.markRead', { ids: [idOf('a')], read: true });
    await fx.core.call('conversations.setUrgent', { ids: [idOf('a')], isUrgent: true });
    expect(ran).toEqual([]);
    await fx.core.call('conversations.tag', { ids: [idOf('a')], add: ['billing'], remove: [] });
    await fx.core.call('conversations.assign', { ids: [idOf('a')], assigneeId: me.id });
    expect(ran.map((event) => event.type === 'conversationChanged' && event.change)).toEqual(['tags', 'assignee']);
  });

  it('announce what the rules changed next, and do not chain: the rules’ own changes raise nothing more', async () => {
    insertTaggingRule(db(), { type: 'conversationChanged', changes: ['tags'] });
    fx.ingest([commentItem({ n: 1, thread: 'a' }), commentItem({ n: 2, thread: 'b' })]);
    // What an engine's "mark done" would do to the other conversation.
    answer = () => {
      db().prepare("UPDATE conversations SET status = 'done' WHERE seq = ?").run(seqOf('b'));
      return { ...NOTHING_RAN, changedConversationIds: [idOf('b')] };
    };
    const heard: EventMessage[] = [];
    fx.core.events.subscribe((message) => heard.push(message));
    await fx.core.call('conversations.tag', { ids: [idOf('a')], add: ['vip'], remove: [] });
    expect(ran).toHaveLength(1);
    expect(heard.filter((message) => message.name === 'inbox.changed').map((message) => message.payload)).toEqual([{ conversationIds: [idOf('a'), idOf('b')], everything: false }]);
  });

  it('never run the rule that made the change', () => {
    const own = insertTaggingRule(db(), { type: 'conversationChanged', changes: ['assignee'] });
    fx.ingest([commentItem({ n: 1, thread: 'a' })]);
    const record = (_db: unknown, event: RuleEvent) => {
      ran.push(event);
      return NOTHING_RAN;
    };
    const change = { change: 'assignee' as const, conversationSeqs: [seqOf('a')], byRuleSeq: own };
    runConversationChanged(db(), record, change, T0);
    expect(ran).toEqual([]);
    // Another rule listens: the runner runs it, told which rule to leave out.
    insertTaggingRule(db(), { type: 'conversationChanged', changes: ['assignee'] });
    runConversationChanged(db(), record, change, T0);
    expect(ran).toEqual([{ type: 'conversationChanged', ...change }]);
  });

  it('keep waits exact through the API: stored messages start one, done ends it, undo brings it back, new hours move it', async () => {
    insertTaggingRule(db(), { type: 'noReply', workingMinutes: 30 });
    fx.ingest([commentItem({ n: 1, thread: 'a' })]);
    const dueAt = () => db().prepare<[], { due_at: number }>('SELECT due_at FROM rule_timers').get()?.due_at;
    expect(dueAt()).toBe(T0 + 31 * 60_000);
    const { undoId } = await fx.core.call('conversations.setStatus', { ids: [idOf('a')], status: 'done' });
    expect(timerCount()).toBe(0);
    await fx.core.call('conversations.undo', { undoId });
    expect(dueAt()).toBe(T0 + 31 * 60_000);
    // Monday 09:01 in Toronto; open from 10:00 only: 30 working minutes end at 10:30 (15:30 UTC).
    const tenToFive = [['10:00', '17:00']] as [string, string][];
    await fx.core.call('accounts.setBusinessHours', {
      accountId: fx.accountId,
      schedule: { timeZone: 'America/Toronto', weekly: { mon: tenToFive, tue: tenToFive, wed: tenToFive, thu: tenToFive, fri: tenToFive, sat: [], sun: [] } },
    });
    expect(dueAt()).toBe(Date.UTC(2026, 10, 2, 15, 30));
  });
});
