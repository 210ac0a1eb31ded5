import { beforeEach, describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem, T0 } from '../testing/itemBuilder';
import { ManualTimers } from '../testing/manualTimers';
import { insertTaggingRule } from '../testing/taggingRule';

/** Time and shift triggers with the session's own rule runner: what the rules do when the scheduler wakes them. */
let timers = new ManualTimers();
beforeEach(() => {
  timers = new ManualTimers();
});
const fx = useCoreWithAccount({ rules: { timers: { after: (ms, run) => timers.after(ms, run) } } });
const db = () => fx.core.context.db;
const idOf = (thread: string) => db().prepare<[string], { id: string }>('SELECT id FROM conversations WHERE thread_external_id = ?').get(thread)?.id ?? '';
const tagsOf = async (thread: string) => (await fx.core.call('conversations.get', { id: idOf(thread) })).tags;

describe('time triggers with the real rule engine', () => {
  it('tags a conversation left without an answer for 10 minutes, once, and again for the next unanswered message', async () => {
    fx.core.ruleScheduler.ruleChanged(insertTaggingRule(db(), { type: 'noReply', workingMinutes: 10 }));
    fx.ingest([commentItem({ n: 1, thread: 'a' })]);
    fx.core.now.value = T0 + 11 * 60_000;
    timers.fireAll();
    expect(await tagsOf('a')).toEqual(['late']);
    await fx.core.call('conversations.tag', { ids: [idOf('a')], add: [], remove: ['late'] });
    fx.core.now.value = T0 + 60 * 60_000;
    timers.fireAll();
    expect(await tagsOf('a')).toEqual([]);
  });

  it('tags my open conversations when I say "I’m off now"', async () => {
    const me = await fx.core.call('duty.me', {});
    fx.core.ruleScheduler.ruleChanged(insertTaggingRule(db(), { type: 'shiftEnds', personId: null, scope: 'assignedToThem' }));
    fx.ingest([commentItem({ n: 1, thread: 'mine' }), commentItem({ n: 2, thread: 'nobodys' })]);
    await fx.core.call('conversations.assign', { ids: [idOf('mine')], assigneeId: me.id });
    await fx.core.call('duty.override', { kind: 'off' });
    expect(await tagsOf('mine')).toEqual(['late']);
    expect(await tagsOf('nobodys')).toEqual([]);
  });

  it('waits on what was already waiting when a time rule is created, turned off and on through the rules API', async () => {
    fx.ingest([commentItem({ n: 1, thread: 'a' })]);
    const rule = await fx.core.call('rules.create', {
      definition: { name: 'Late', isEnabled: true, trigger: { type: 'noReply', workingMinutes: 10 }, actions: [{ type: 'addTag', tag: 'late' }] },
    });
    await fx.core.call('rules.setEnabled', { id: rule.id, isEnabled: false });
    fx.core.now.value = T0 + 11 * 60_000;
    timers.fireAll();
    expect(await tagsOf('a')).toEqual([]);
    await fx.core.call('rules.setEnabled', { id: rule.id, isEnabled: true });
    timers.fireAll();
    expect(await tagsOf('a')).toEqual(['late']);
  });
});
