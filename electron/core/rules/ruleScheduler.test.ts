import { afterEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../shared/api/wire';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem, T0 } from '../testing/itemBuilder';
import { ManualTimers } from '../testing/manualTimers';
import { memoryLog } from '../testing/memoryLog';
import { insertTaggingRule } from '../testing/taggingRule';
import type { RuleEvent, RuleRunResult } from './ruleEvents';
import { NOTHING_RAN } from './ruleRunResults';
import { MAX_WAIT_MS, RuleScheduler } from './ruleScheduler';

// The session's own scheduler never fires here: these tests drive one of their own.
const fx = useCoreWithAccount({ rules: { timers: new ManualTimers() } });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const db = () => fx.core.context.db;
const seqOf = (thread: string) => db().prepare<[string], { seq: number }>('SELECT seq FROM conversations WHERE thread_external_id = ?').get(thread)?.seq ?? 0;
const idOf = (thread: string) => db().prepare<[string], { id: string }>('SELECT id FROM conversations WHERE thread_external_id = ?').get(thread)?.id ?? '';

let scheduler: RuleScheduler | null = null;
afterEach(() => scheduler?.stop());

/** A scheduler on the test core whose runner records what it is asked (the engine is another part's), and answers `answer`. */
function startScheduler(answer: (event: RuleEvent) => RuleRunResult = () => NOTHING_RAN) {
  const timers = new ManualTimers();
  const ran: RuleEvent[] = [];
  const afterRuns: RuleRunResult[] = [];
  const { log, lines } = memoryLog();
  scheduler = new RuleScheduler({
    db: db(),
    clock: () => fx.core.now.value,
    events: fx.core.events,
    log,
    runRules: (_db, event) => {
      ran.push(event);
      return answer(event);
    },
    afterRun: (result) => afterRuns.push(result),
    isWritable: () => true,
    timers,
  });
  scheduler.start();
  const s = scheduler;
  const ingest = (items: Parameters<typeof fx.ingest>[0]) => {
    fx.ingest(items);
    s.conversationsChanged(items.map((item) => seqOf(String(item.threadExternalId))));
  };
  return { scheduler: s, timers, ran, afterRuns, ingest, lines };
}

describe('the rule scheduler', () => {
  it('sleeps until the earliest due time, at most MAX_WAIT_MS when nothing is due', () => {
    insertTaggingRule(db(), { type: 'noReply', workingMinutes: 12 });
    const { timers, ingest } = startScheduler();
    expect(timers.scheduled()).toEqual([MAX_WAIT_MS]);
    fx.core.now.value = T0 + 5 * MINUTE;
    ingest([commentItem({ n: 1, thread: 'a' })]);
    // Written at T0 + 1 min, due 12 minutes later: 8 minutes from now.
    expect(timers.scheduled()).toEqual([8 * MINUTE]);
    ingest([commentItem({ n: 2, thread: 'b', createdAt: T0 + 2 * HOUR })]);
    expect(timers.scheduled()).toEqual([8 * MINUTE]);
    fx.core.now.value = T0 + 20 * MINUTE;
    timers.fireAll();
    // The next is due in 1 h 42 min: the scheduler looks again before, in case the computer sleeps.
    expect(timers.scheduled()).toEqual([MAX_WAIT_MS]);
  });

  it('builds the waits of rules saved while it was not running when it starts', () => {
    fx.ingest([commentItem({ n: 1, thread: 'a' })]);
    insertTaggingRule(db(), { type: 'noReply', workingMinutes: 10 });
    const { timers } = startScheduler();
    expect(timers.scheduled()).toEqual([11 * MINUTE]);
  });

  it('re-arms for a new earlier timer', () => {
    insertTaggingRule(db(), { type: 'noReply', workingMinutes: 10 });
    const { timers, ingest } = startScheduler();
    ingest([commentItem({ n: 3, thread: 'a' })]);
    expect(timers.scheduled()).toEqual([13 * MINUTE]);
    ingest([commentItem({ n: 1, thread: 'b' })]);
    expect(timers.scheduled()).toEqual([11 * MINUTE]);
  });

  it('runs each due rule once on its due conversations, in one call per rule, then sleeps until the next', () => {
    const soon = insertTaggingRule(db(), { type: 'noReply', workingMinutes: 10 });
    const later = insertTaggingRule(db(), { type: 'unassigned', workingMinutes: 14 });
    const { timers, ran, ingest } = startScheduler();
    ingest([commentItem({ n: 1, thread: 'a' }), commentItem({ n: 2, thread: 'b' })]);
    fx.core.now.value = T0 + 12 * MINUTE;
    timers.fireAll();
    expect(ran).toEqual([{ type: 'due', ruleSeq: soon, conversationSeqs: [seqOf('a'), seqOf('b')] }]);
    expect(timers.scheduled()).toEqual([3 * MINUTE]);
    timers.fireAll();
    expect(ran).toHaveLength(1);
    fx.core.now.value = T0 + 16 * MINUTE;
    timers.fireAll();
    expect(ran.slice(1)).toEqual([{ type: 'due', ruleSeq: later, conversationSeqs: [seqOf('a'), seqOf('b')] }]);
    expect(timers.scheduled()).toEqual([MAX_WAIT_MS]);
  });

  it('announces what the rules changed, hands the run over for escalation and sends, and lets a changed conversation wait anew', async () => {
    const rule = insertTaggingRule(db(), { type: 'unassigned', workingMinutes: 10 });
    const changes: EventMessage[] = [];
    const me = await fx.core.call('duty.me', {});
    const { timers, afterRuns, ingest } = startScheduler((event) => {
      // What the engine's assign action would do: the conversation is taken, its wait ends.
      if (event.type === 'due') db().prepare('UPDATE conversations SET assignee_id = ? WHERE seq = ?').run(me.id, event.conversationSeqs[0]);
      return { ...NOTHING_RAN, changedConversationIds: [idOf('a')], queuedSends: 1 };
    });
    ingest([commentItem({ n: 1, thread: 'a' })]);
    fx.core.events.subscribe((message) => changes.push(message));
    fx.core.now.value = T0 + 11 * MINUTE;
    timers.fireAll();
    expect(changes.filter((message) => message.name === 'inbox.changed').map((message) => message.payload)).toEqual([{ conversationIds: [idOf('a')], everything: false }]);
    expect(afterRuns).toEqual([{ changedConversationIds: [idOf('a')], newlyUrgent: [], queuedSends: 1 }]);
    expect(db().prepare('SELECT count(*) AS n FROM rule_timers WHERE rule_seq = ?').get(rule)).toEqual({ n: 0 });
  });

  it('wakes at each shift boundary of the people a shift rule is about, and raises the start or end once with the conversations of the rules’ scopes', async () => {
    // T0 is Monday 09:00 in Toronto: Nadia is on until 17:00.
    const nadia = await fx.core.call('team.add', { name: 'Nadia', schedule: { timeZone: 'America/Toronto', weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [], thu: [], fri: [], sat: [], sun: [] } } });
    fx.ingest([commentItem({ n: 1, thread: 'hers' }), commentItem({ n: 2, thread: 'nobodys' })]);
    await fx.core.call('conversations.assign', { ids: [idOf('hers')], assigneeId: nadia.id });
    insertTaggingRule(db(), { type: 'shiftEnds', personId: nadia.id, scope: 'assignedToThem' });
    insertTaggingRule(db(), { type: 'shiftStarts', personId: null, scope: 'unassigned' });
    fx.core.now.value = T0 + HOUR;
    const { timers, ran } = startScheduler();
    expect(ran).toEqual([]);
    expect(timers.scheduled()).toEqual([MAX_WAIT_MS]);
    fx.core.now.value = T0 + 8 * HOUR - 5 * MINUTE;
    timers.fireAll();
    expect(ran).toEqual([]);
    expect(timers.scheduled()).toEqual([5 * MINUTE]);
    fx.core.now.value = T0 + 8 * HOUR;
    timers.fireAll();
    expect(ran).toEqual([{ type: 'shiftEnds', personId: nadia.id, conversationSeqs: [seqOf('hers')] }]);
    timers.fireAll();
    expect(ran).toHaveLength(1);
    // Tuesday 09:00 EST.
    fx.core.now.value = T0 + 24 * HOUR;
    timers.fireAll();
    expect(ran.slice(1)).toEqual([{ type: 'shiftStarts', personId: nadia.id, conversationSeqs: [seqOf('nobodys')] }]);
  });

  it('raises a shift end when someone says "I’m off now", and sleeps forever once stopped', async () => {
    const me = await fx.core.call('duty.me', {});
    insertTaggingRule(db(), { type: 'shiftEnds', personId: null, scope: 'assignedToThem' });
    fx.ingest([commentItem({ n: 1, thread: 'mine' })]);
    await fx.core.call('conversations.assign', { ids: [idOf('mine')], assigneeId: me.id });
    const { timers, ran } = startScheduler();
    await fx.core.call('duty.override', { kind: 'off' });
    expect(ran).toEqual([{ type: 'shiftEnds', personId: me.id, conversationSeqs: [seqOf('mine')] }]);
    scheduler?.stop();
    expect(timers.scheduled()).toEqual([]);
  });

  it('sees the first shift end after a shift rule is saved during the shift', async () => {
    const nadia = await fx.core.call('team.add', { name: 'Nadia', schedule: { timeZone: 'America/Toronto', weekly: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } } });
    const { scheduler: running, timers, ran } = startScheduler();
    fx.core.now.value = T0 + 8 * HOUR - 10 * MINUTE;
    running.ruleChanged(insertTaggingRule(db(), { type: 'shiftEnds', personId: nadia.id, scope: 'unassigned' }));
    expect(timers.scheduled()).toEqual([10 * MINUTE]);
    fx.core.now.value = T0 + 8 * HOUR;
    timers.fireAll();
    expect(ran).toEqual([{ type: 'shiftEnds', personId: nadia.id, conversationSeqs: [] }]);
  });

  it('moves a wait counted in the assignee’s hours when their hours change, and re-arms for it', async () => {
    const nadia = await fx.core.call('team.add', { name: 'Nadia', schedule: null });
    insertTaggingRule(db(), { type: 'noReply', workingMinutes: 10, hours: 'assignee' });
    const { timers, ingest } = startScheduler();
    fx.ingest([commentItem({ n: 1, thread: 'a' })]);
    await fx.core.call('conversations.assign', { ids: [idOf('a')], assigneeId: nadia.id });
    ingest([commentItem({ n: 2, thread: 'a' })]);
    expect(timers.scheduled()).toEqual([12 * MINUTE]);
    // Nadia now starts at 09:05 (Toronto; T0 is 09:00): her ten minutes end at 09:15.
    await fx.core.call('team.update', { id: nadia.id, schedule: { timeZone: 'America/Toronto', weekly: { mon: [['09:05', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } } });
    expect(db().prepare('SELECT due_at FROM rule_timers').all()).toEqual([{ due_at: T0 + 15 * MINUTE }]);
    expect(timers.scheduled()).toEqual([15 * MINUTE]);
  });

  it('starts an unassigned wait when removing a teammate leaves their conversations to nobody', async () => {
    const nadia = await fx.core.call('team.add', { name: 'Nadia', schedule: null });
    insertTaggingRule(db(), { type: 'unassigned', workingMinutes: 10 });
    const { timers, ingest } = startScheduler();
    ingest([commentItem({ n: 1, thread: 'a' })]);
    await fx.core.call('conversations.assign', { ids: [idOf('a')], assigneeId: nadia.id });
    expect(db().prepare('SELECT due_at FROM rule_timers').all()).toEqual([]);
    fx.core.now.value = T0 + 5 * MINUTE;
    await fx.core.call('team.remove', { id: nadia.id });
    expect(db().prepare('SELECT due_at FROM rule_timers').all()).toEqual([{ due_at: T0 + 11 * MINUTE }]);
    expect(timers.scheduled()).toEqual([6 * MINUTE]);
  });

  it('logs a failed run and raises its shift change again on the retry', async () => {
    const me = await fx.core.call('duty.me', {});
    insertTaggingRule(db(), { type: 'shiftEnds', personId: null, scope: 'unassigned' });
    let isFailing = true;
    const { timers, ran, lines } = startScheduler(() => {
      if (isFailing) throw new Error('database is locked');
      return NOTHING_RAN;
    });
    await fx.core.call('duty.override', { kind: 'off' });
    expect(lines.map((line) => line.msg)).toEqual(['Running time-triggered rules failed; trying again later.']);
    // 30 seconds, with jitter.
    expect(timers.scheduled()[0]).toBeGreaterThanOrEqual(30_000);
    isFailing = false;
    timers.fireAll();
    expect(ran).toEqual([
      { type: 'shiftEnds', personId: me.id, conversationSeqs: [] },
      { type: 'shiftEnds', personId: me.id, conversationSeqs: [] },
    ]);
  });
});
