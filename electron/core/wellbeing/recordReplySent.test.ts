import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localTime } from '../testing/localTime';
import type { ScheduleInput } from '../testing/scheduleInput';
import { createTestCore, type TestCore } from '../testing/testCore';

const ZONE = 'America/Toronto';
const at = (iso: string) => localTime(ZONE, iso);
const nineToFive: ScheduleInput = { timeZone: ZONE, weekly: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };

let core: TestCore;
beforeEach(async () => {
  core = createTestCore();
  await core.call('demo.start', { seed: 7 });
  await core.call('duty.setSchedule', { schedule: nineToFive });
  await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
});
afterEach(() => core.close());

const afterHoursReplies = () => core.context.db.prepare<[], { at: number }>("SELECT at FROM wellbeing_log WHERE kind = 'after_hours_reply' ORDER BY at").all().map((row) => row.at);

async function replyAt(time: number, idempotencyKey: string): Promise<void> {
  core.now.value = time;
  const [conversation] = (await core.call('conversations.list', { kind: 'comment', platform: 'facebook' })).items;
  await core.call('outbox.send', { conversationId: conversation?.id ?? '', text: 'Merci! On regarde ça.', idempotencyKey: `reply-${idempotencyKey}`, when: { kind: 'now' } });
  await core.outbox.drain();
}

describe('replies sent off duty', () => {
  it('are counted when sent outside my hours or under an override, never within my hours, and a retry once', async () => {
    await replyAt(at('2026-11-02T10:00'), 'within-hours');
    await replyAt(at('2026-11-02T18:00'), 'evening');
    await replyAt(at('2026-11-02T18:00'), 'evening');
    core.now.value = at('2026-11-02T11:00');
    await core.call('duty.override', { kind: 'off' });
    await replyAt(at('2026-11-02T11:05'), 'day-off');
    core.now.value = at('2026-11-02T20:00');
    await core.call('duty.override', { kind: 'working' });
    await replyAt(at('2026-11-02T20:10'), 'working-now');
    expect(afterHoursReplies()).toEqual([at('2026-11-02T11:05'), at('2026-11-02T18:00'), at('2026-11-02T20:10')]);
  });

  it('is counted when written off duty, even if scheduled for the morning; not when the platform refuses it', async () => {
    core.now.value = at('2026-11-02T18:00');
    const [conversation] = (await core.call('conversations.list', { kind: 'comment', platform: 'x' })).items;
    const refused = await core.client.call('outbox.send', { conversationId: conversation?.id ?? '', text: 'a'.repeat(281), idempotencyKey: 'reply-too-long', when: { kind: 'now' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await core.call('outbox.send', { conversationId: conversation?.id ?? '', text: 'Demain matin!', idempotencyKey: 'reply-scheduled', when: { kind: 'nextWorkingTime' } });
    core.now.value = at('2026-11-09T09:00');
    await core.outbox.drain();
    expect(afterHoursReplies()).toEqual([at('2026-11-02T18:00')]);
  });
});
