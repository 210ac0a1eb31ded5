import { describe, expect, it } from 'vitest';
import type { ScheduleInput } from '../testing/scheduleInput';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { T0 } from '../testing/itemBuilder';

const fx = useCoreWithAccount();
const HOUR = 3_600_000;
// T0 is Monday 2026-11-02 14:00 UTC: 09:00 in Toronto.
const nineToFive: ScheduleInput = {
  timeZone: 'America/Toronto',
  weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [], thu: [], fri: [], sat: [], sun: [] },
};

describe('duty', () => {
  it('is always on duty until hours are set, then follows them', async () => {
    expect(await fx.core.call('duty.status', {})).toMatchObject({ isOnDuty: true, hasSchedule: false, nextOffAt: null });
    await fx.core.call('duty.setSchedule', { schedule: nineToFive });
    expect(await fx.core.call('duty.status', {})).toMatchObject({ isOnDuty: true, hasSchedule: true, nextOffAt: T0 + 8 * HOUR });
    fx.core.now.value = T0 + 9 * HOUR;
    expect(await fx.core.call('duty.status', {})).toMatchObject({ isOnDuty: false, nextOnAt: T0 + 24 * HOUR });
    expect((await fx.core.call('duty.me', {})).schedule?.timeZone).toBe('America/Toronto');
  });

  it("refuses hours that don't make sense, naming the field", async () => {
    const result = await fx.core.client.call('duty.setSchedule', { schedule: { ...nineToFive, timeZone: 'Mars/Olympus' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('schedule.timeZone') } });
  });

  it('"I am off now" lasts until the next scheduled start; "I am working now" until then, at most 12 hours', async () => {
    await fx.core.call('duty.setSchedule', { schedule: nineToFive });
    const off = await fx.core.call('duty.override', { kind: 'off' });
    expect(off).toMatchObject({ isOnDuty: false, override: { kind: 'off', endsAt: T0 + 24 * HOUR }, nextOnAt: T0 + 24 * HOUR });
    fx.core.now.value = T0 + 10 * HOUR;
    const working = await fx.core.call('duty.override', { kind: 'working' });
    expect(working).toMatchObject({ isOnDuty: true, override: { kind: 'working', endsAt: T0 + 22 * HOUR } });
    expect(await fx.core.call('duty.override', { kind: 'clear' })).toMatchObject({ isOnDuty: false, override: null });
  });

  it('never says "working outside your hours" inside them: "I am working now" in a shift is back to the hours', async () => {
    await fx.core.call('duty.setSchedule', { schedule: nineToFive });
    await fx.core.call('duty.override', { kind: 'off' });
    fx.core.now.value = T0 + HOUR;
    expect(await fx.core.call('duty.override', { kind: 'working' })).toMatchObject({ isOnDuty: true, override: null, nextOffAt: T0 + 8 * HOUR });
    expect(fx.core.context.db.prepare("SELECT count(*) AS n FROM duty_overrides WHERE kind = 'working'").get()).toEqual({ n: 0 });
  });

  it('drops "working outside your hours" once saved hours include now, and takes it up again when they end', async () => {
    await fx.core.call('duty.setSchedule', { schedule: { ...nineToFive, weekly: { ...nineToFive.weekly, mon: [] } } });
    expect(await fx.core.call('duty.override', { kind: 'working' })).toMatchObject({ override: { kind: 'working' } });
    await fx.core.call('duty.setSchedule', { schedule: { ...nineToFive, weekly: { ...nineToFive.weekly, mon: [['09:00', '10:00']] } } });
    expect(await fx.core.call('duty.status', {})).toMatchObject({ isOnDuty: true, override: null, nextOffAt: T0 + HOUR });
    fx.core.now.value = T0 + 2 * HOUR;
    expect(await fx.core.call('duty.status', {})).toMatchObject({ isOnDuty: true, override: { kind: 'working' } });
  });

  it('says where hours would leave me before they are saved, an "I am off now" kept', async () => {
    const evenings: ScheduleInput = { ...nineToFive, weekly: { ...nineToFive.weekly, mon: [['18:00', '22:00']], tue: [] } };
    expect(await fx.core.call('duty.previewSchedule', { schedule: evenings })).toEqual({ isOnDuty: false, nextOnAt: T0 + 9 * HOUR });
    expect(await fx.core.call('duty.previewSchedule', { schedule: nineToFive })).toEqual({ isOnDuty: true, nextOnAt: T0 });
    expect(await fx.core.call('duty.status', {})).toMatchObject({ hasSchedule: false });
    await fx.core.call('duty.override', { kind: 'off' });
    expect(await fx.core.call('duty.previewSchedule', { schedule: nineToFive })).toMatchObject({ isOnDuty: false });
  });

  it('logs each peek with its duration in the private ledger', async () => {
    const { peekId } = await fx.core.call('duty.peekStart', {});
    fx.core.now.value += 95_000;
    expect(await fx.core.call('duty.peekEnd', { peekId })).toEqual({ durationMs: 95_000 });
    expect(fx.core.context.db.prepare("SELECT kind, duration_ms FROM wellbeing_log").all()).toEqual([{ kind: 'peek', duration_ms: 95_000 }]);
  });

  it('announces duty changes to every client', async () => {
    let changes = 0;
    fx.core.client.on('duty.changed', () => (changes += 1));
    await fx.core.call('duty.override', { kind: 'off' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(changes).toBe(1);
  });
});
