import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { localTime, MINUTE } from '../testing/localTime';
import type { ScheduleInput } from '../testing/scheduleInput';

const fx = useCoreWithAccount();
const ZONE = 'America/Toronto';
const at = (iso: string) => localTime(ZONE, iso);
// Monday 2026-11-02 and Tuesday 2026-11-03, 09:00 to 17:00 in Toronto.
const nineToFive: ScheduleInput = { timeZone: ZONE, weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [], thu: [], fri: [], sat: [], sun: [] } };

const beat = async (time: number) => {
  fx.core.now.value = time;
  return fx.core.call('wellbeing.heartbeat', {});
};
/** A heartbeat a minute from `from` to `to`, both included, as the app sends them while I work. */
const work = async (from: number, to: number) => {
  for (let time = from; time <= to; time += MINUTE) await beat(time);
};
const sessions = () =>
  fx.core.context.db
    .prepare<[], { at: number; duration_ms: number; data: string }>("SELECT at, duration_ms, data FROM wellbeing_log WHERE kind = 'session' ORDER BY at")
    .all()
    .map((row) => ({ at: row.at, minutes: row.duration_ms / MINUTE, off: (JSON.parse(row.data) as { off: [number, number][] }).off }));
const breaks = () =>
  fx.core.context.db.prepare<[], { at: number; duration_ms: number; data: string }>("SELECT at, duration_ms, data FROM wellbeing_log WHERE kind = 'break' ORDER BY at").all();

describe('sessions from heartbeats', () => {
  it('grows one session while heartbeats keep coming, forgives a late one, and starts anew after a pause', async () => {
    await work(at('2026-11-02T10:00'), at('2026-11-02T10:20'));
    expect(await beat(at('2026-11-02T10:22:30'))).toMatchObject({ sessionStartedAt: at('2026-11-02T10:00'), sessionMs: 22.5 * MINUTE, isOffDuty: false });
    expect(await beat(at('2026-11-02T10:30'))).toMatchObject({ sessionStartedAt: at('2026-11-02T10:30'), sessionMs: 0 });
    await beat(at('2026-11-02T10:31'));
    expect(sessions().map(({ at: start, minutes }) => [start, minutes])).toEqual([
      [at('2026-11-02T10:00'), 22.5],
      [at('2026-11-02T10:30'), 1],
    ]);
    // A repeated heartbeat, or a clock that stepped back, changes nothing.
    await beat(at('2026-11-02T10:31'));
    await beat(at('2026-11-02T10:25'));
    expect(sessions().at(-1)?.minutes).toBe(1);
  });

  it('splits a session on and off duty with my hours, as it happens', async () => {
    await fx.core.call('duty.setSchedule', { schedule: nineToFive });
    await work(at('2026-11-02T16:50'), at('2026-11-02T17:20'));
    expect(sessions()).toEqual([{ at: at('2026-11-02T16:50'), minutes: 30, off: [[at('2026-11-02T17:00'), at('2026-11-02T17:20')]] }]);
    // Hours changed afterwards do not rewrite what was recorded.
    await fx.core.call('duty.setSchedule', { schedule: null });
    expect(sessions()[0]?.off).toEqual([[at('2026-11-02T17:00'), at('2026-11-02T17:20')]]);
  });

  it('counts "I’m working now" and "I’m off now" as off duty, and my hours again once cleared', async () => {
    await fx.core.call('duty.setSchedule', { schedule: nineToFive });
    fx.core.now.value = at('2026-11-02T10:00');
    await fx.core.call('duty.override', { kind: 'off' });
    await work(at('2026-11-02T10:00'), at('2026-11-02T10:20'));
    await fx.core.call('duty.override', { kind: 'clear' });
    expect(await beat(at('2026-11-02T10:21'))).toMatchObject({ isOffDuty: false });
    await work(at('2026-11-02T10:22'), at('2026-11-02T10:30'));
    fx.core.now.value = at('2026-11-02T19:00');
    await fx.core.call('duty.override', { kind: 'working' });
    expect(await beat(at('2026-11-02T19:00'))).toMatchObject({ isOffDuty: true });
    await work(at('2026-11-02T19:01'), at('2026-11-02T19:15'));
    expect(sessions()).toEqual([
      { at: at('2026-11-02T10:00'), minutes: 30, off: [[at('2026-11-02T10:00'), at('2026-11-02T10:20')]] },
      { at: at('2026-11-02T19:00'), minutes: 15, off: [[at('2026-11-02T19:00'), at('2026-11-02T19:15')]] },
    ]);
  });
});

describe('breaks', () => {
  it('counts a pause of ten minutes or more within my hours as a break, once', async () => {
    await fx.core.call('duty.setSchedule', { schedule: nineToFive });
    await work(at('2026-11-02T10:00'), at('2026-11-02T10:30'));
    await work(at('2026-11-02T10:39'), at('2026-11-02T10:40'));
    expect(breaks()).toEqual([]);
    await work(at('2026-11-02T10:55'), at('2026-11-02T11:00'));
    expect(breaks()).toEqual([{ at: at('2026-11-02T10:40'), duration_ms: 15 * MINUTE, data: '{"source":"pause"}' }]);
  });

  it('does not count time off as a break: after hours, over lunch between ranges, or overnight', async () => {
    await fx.core.call('duty.setSchedule', { schedule: { ...nineToFive, weekly: { ...nineToFive.weekly, mon: [['09:00', '12:00'], ['13:00', '17:00']] } } });
    await work(at('2026-11-02T11:50'), at('2026-11-02T12:00'));
    await work(at('2026-11-02T13:05'), at('2026-11-02T16:50'));
    await work(at('2026-11-02T17:30'), at('2026-11-02T17:40'));
    await work(at('2026-11-03T09:30'), at('2026-11-03T09:40'));
    expect(breaks()).toEqual([]);
  });

  it('without hours, a pause in the day is a break but a night away is not (days in this machine’s zone)', async () => {
    const here = (iso: string) => localTime(Intl.DateTimeFormat().resolvedOptions().timeZone, iso);
    await work(here('2026-11-02T13:00'), here('2026-11-02T13:10'));
    await work(here('2026-11-02T13:30'), here('2026-11-02T23:50'));
    await work(here('2026-11-03T08:00'), here('2026-11-03T08:10'));
    expect(breaks().map((entry) => entry.at)).toEqual([here('2026-11-02T13:10')]);
  });

  it('a break taken from the reminder ends the session, lasts until I am back, and is not counted twice', async () => {
    await work(at('2026-11-02T10:00'), at('2026-11-02T11:30'));
    fx.core.now.value = at('2026-11-02T11:30:20');
    const { breakId, startedAt } = await fx.core.call('wellbeing.breakStart', { source: 'reminder' });
    expect(startedAt).toBe(at('2026-11-02T11:30:20'));
    fx.core.now.value = at('2026-11-02T11:45:20');
    expect(await fx.core.call('wellbeing.breakEnd', { breakId })).toEqual({ durationMs: 15 * MINUTE });
    // Back quickly: the heartbeat still starts a new session, since the break closed the last one.
    expect(await beat(at('2026-11-02T11:45:30'))).toMatchObject({ sessionStartedAt: at('2026-11-02T11:45:30') });
    expect(breaks()).toEqual([{ at: at('2026-11-02T11:30:20'), duration_ms: 15 * MINUTE, data: '{"source":"reminder"}' }]);
  });
});
