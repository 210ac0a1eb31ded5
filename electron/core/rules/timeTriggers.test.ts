import { beforeEach, describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { ManualTimers } from '../testing/manualTimers';
import { insertTaggingRule } from '../testing/taggingRule';
import type { RuleEvent } from './ruleEvents';
import { NOTHING_RAN } from './ruleRunResults';
import { MAX_WAIT_MS } from './ruleScheduler';

/**
 * Time triggers through the whole core: the session's scheduler, its timer driven by hand, the
 * rule runner recorded (the engine is another part's; see the real-engine case below).
 */
let ran: RuleEvent[] = [];
let timers = new ManualTimers();
beforeEach(() => {
  ran = [];
  timers = new ManualTimers();
});
const fx = useCoreWithAccount({
  rules: {
    runRules: (_db, event) => {
      // Ingest raises its own (messageArrived): these tests are about what the scheduler raises.
      if (event.type !== 'messageArrived') ran.push(event);
      return NOTHING_RAN;
    },
    timers: { after: (ms, run) => timers.after(ms, run) },
  },
});
const db = () => fx.core.context.db;
const seqOf = (thread: string) => db().prepare<[string], { seq: number }>('SELECT seq FROM conversations WHERE thread_external_id = ?').get(thread)?.seq ?? 0;
const nineToFive = [['09:00', '17:00']] as [string, string][];
const weekdays = (timeZone: string) => ({ timeZone, weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] } });

/** Moves the clock as a sleeping computer does (no timer fires meanwhile), then lets whatever is armed run. */
function jumpTo(at: number): void {
  fx.core.now.value = at;
  timers.fireAll();
}

describe('time triggers across a DST change', () => {
  it('"no reply after 60 working minutes" on a Friday 16:30 message fires on Monday at 09:30 local, after Toronto springs forward', async () => {
    await fx.core.call('accounts.setBusinessHours', { accountId: fx.accountId, schedule: weekdays('America/Toronto') });
    const rule = insertTaggingRule(db(), { type: 'noReply', workingMinutes: 60 });
    fx.core.ruleScheduler.ruleChanged(rule);
    // Friday 2026-03-06 16:30 EST = 21:30 UTC; the clocks go forward on Sunday.
    fx.core.now.value = Date.UTC(2026, 2, 6, 21, 30);
    fx.ingest([commentItem({ n: 1, thread: 'a', createdAt: Date.UTC(2026, 2, 6, 21, 30) })]);
    expect(timers.scheduled().at(-1)).toBe(MAX_WAIT_MS);
    // Monday 09:29 EDT = 13:29 UTC: 59 working minutes.
    jumpTo(Date.UTC(2026, 2, 9, 13, 29));
    expect(ran).toEqual([]);
    expect(timers.scheduled()).toEqual([60_000]);
    jumpTo(Date.UTC(2026, 2, 9, 13, 30));
    expect(ran).toEqual([{ type: 'due', ruleSeq: rule, conversationSeqs: [seqOf('a')] }]);
  });

  it('and after Paris falls back: Monday 09:30 CET', async () => {
    await fx.core.call('accounts.setBusinessHours', { accountId: fx.accountId, schedule: weekdays('Europe/Paris') });
    const rule = insertTaggingRule(db(), { type: 'unassigned', workingMinutes: 60 });
    fx.core.ruleScheduler.ruleChanged(rule);
    // Friday 2026-10-23 16:30 CEST = 14:30 UTC; the clocks go back on Sunday.
    fx.core.now.value = Date.UTC(2026, 9, 23, 14, 30);
    fx.ingest([commentItem({ n: 1, thread: 'a', createdAt: Date.UTC(2026, 9, 23, 14, 30) })]);
    jumpTo(Date.UTC(2026, 9, 26, 8, 29));
    expect(ran).toEqual([]);
    jumpTo(Date.UTC(2026, 9, 26, 8, 30));
    expect(ran).toEqual([{ type: 'due', ruleSeq: rule, conversationSeqs: [seqOf('a')] }]);
  });

  it('runs what fell due while the computer slept as soon as it wakes', () => {
    const rule = insertTaggingRule(db(), { type: 'noReply', workingMinutes: 5 });
    fx.core.ruleScheduler.ruleChanged(rule);
    fx.ingest([commentItem({ n: 1, thread: 'a' })]);
    // Asleep: the armed timer has not fired, the wall clock has moved on.
    fx.core.now.value += 3_600_000;
    fx.core.ruleScheduler.wake();
    expect(ran).toEqual([{ type: 'due', ruleSeq: rule, conversationSeqs: [seqOf('a')] }]);
  });
});
