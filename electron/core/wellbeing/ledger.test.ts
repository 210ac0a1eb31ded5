import { describe, expect, it } from 'vitest';
import type { LedgerPeriod } from '../../../shared/api/wellbeing';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { localTime, MINUTE } from '../testing/localTime';
import type { ScheduleInput } from '../testing/scheduleInput';
import { recordReplySent } from './recordReplySent';
import { ENTRIES_BETWEEN_SQL, LATEST_SESSION_SQL } from './wellbeingLog';

const fx = useCoreWithAccount();
const ZONE = 'America/Toronto';
const at = (iso: string) => localTime(ZONE, iso);
const HOUR = 60 * MINUTE;
// Sunday nights on call until 03:00, then Monday 09:00 to 17:00. Toronto falls back on Sunday 2026-11-01 at 02:00.
const hours: ScheduleInput = { timeZone: ZONE, weekly: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [['00:00', '03:00']] } };

const work = async (from: number, to: number) => {
  for (let time = from; time <= to; time += MINUTE) {
    fx.core.now.value = time;
    await fx.core.call('wellbeing.heartbeat', {});
  }
};
const inMinutes = (period: LedgerPeriod | undefined) =>
  period && {
    date: period.date,
    hours: (period.endsAt - period.startsAt) / HOUR,
    on: period.onDutyMs / MINUTE,
    off: period.offDutyMs / MINUTE,
    peeks: period.peeks,
    peekMinutes: period.peekMs / MINUTE,
    replies: period.offDutyReplies,
    longest: period.longestSessionMs / MINUTE,
    breaks: period.breaks,
    hostile: period.hostileRevealed,
  };

async function seedAWeekend(): Promise<void> {
  await fx.core.call('duty.setSchedule', { schedule: hours });
  // Saturday 23:40 to Sunday 00:20: off duty, then on call.
  await work(at('2026-10-31T23:40'), at('2026-11-01T00:20'));
  // Ten minutes on call away from the app, then four real hours through the repeated 01:00–02:00.
  await work(at('2026-11-01T00:30'), at('2026-11-01T00:30') + 4 * HOUR);
  // Monday: a peek before hours, two hostile messages revealed, a reply after hours and one within.
  fx.core.now.value = at('2026-11-02T07:00');
  const { peekId } = await fx.core.call('duty.peekStart', {});
  fx.core.now.value = at('2026-11-02T07:05');
  await fx.core.call('duty.peekEnd', { peekId });
  fx.ingest([commentItem({ n: 1, text: 'Bande de voleurs!' }), commentItem({ n: 2, text: 'Idiots!' })]);
  fx.core.now.value = at('2026-11-02T09:30');
  for (const { seq } of fx.core.context.db.prepare<[], { seq: number }>('SELECT seq FROM messages').all()) await fx.core.call('shield.reveal', { messageId: String(seq) });
  expect(recordReplySent(fx.core.context, { messageId: 'within', at: at('2026-11-02T10:00') })).toBe(false);
  expect(recordReplySent(fx.core.context, { messageId: 'after', at: at('2026-11-02T18:00') })).toBe(true);
  fx.core.now.value = at('2026-11-02T20:00');
}

describe('the ledger, per day and per ISO week in my zone', () => {
  it('splits time across midnight and through the fall-back hour, and counts events on the day they happened', async () => {
    await seedAWeekend();
    const ledger = await fx.core.call('wellbeing.ledger', {});
    expect(ledger.timeZone).toBe(ZONE);
    expect(ledger.days.map((day) => day.date)).toEqual(['2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);
    const none = { on: 0, off: 0, peeks: 0, peekMinutes: 0, replies: 0, longest: 0, breaks: 0, hostile: 0 };
    expect(ledger.days.slice(-3).map(inMinutes)).toEqual([
      { ...none, date: '2026-10-31', hours: 24, off: 20, longest: 20 },
      // 00:30 EDT to 03:30 EST is four hours: three and a half on call, the last half hour off.
      { ...none, date: '2026-11-01', hours: 25, on: 20 + 210, off: 30, longest: 240, breaks: 1 },
      { ...none, date: '2026-11-02', hours: 24, peeks: 1, peekMinutes: 5, replies: 1, hostile: 2 },
    ]);
    expect(ledger.weeks.map((week) => week.date)).toEqual(['2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02']);
    expect(ledger.weeks.slice(-2).map(inMinutes)).toEqual([
      { ...none, date: '2026-10-26', hours: 7 * 24 + 1, on: 230, off: 50, longest: 240, breaks: 1 },
      { ...none, date: '2026-11-02', hours: 7 * 24, peeks: 1, peekMinutes: 5, replies: 1, hostile: 2 },
    ]);
  });

  it('has a 23-hour day when Toronto springs forward', async () => {
    await fx.core.call('duty.setSchedule', { schedule: hours });
    fx.core.now.value = at('2026-03-09T12:00');
    const { days } = await fx.core.call('wellbeing.ledger', { days: 2, weeks: 1 });
    expect(days.map((day) => [day.date, (day.endsAt - day.startsAt) / HOUR])).toEqual([['2026-03-08', 23], ['2026-03-09', 24]]);
  });

  it('follows this machine’s zone when I set no hours', async () => {
    expect((await fx.core.call('wellbeing.ledger', { days: 1, weeks: 1 })).timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('only ever holds my own data', async () => {
    await seedAWeekend();
    const mine = await fx.core.call('wellbeing.ledger', {});
    const { db } = fx.core.context;
    const { lastInsertRowid } = db.prepare("INSERT INTO people (id, name, created_at, updated_at) VALUES ('teammate', 'Ana', 0, 0)").run();
    const insert = db.prepare('INSERT INTO wellbeing_log (person_seq, kind, at, duration_ms) VALUES (?, ?, ?, ?)');
    for (const kind of ['peek', 'after_hours_reply', 'break', 'hostile_revealed', 'session']) insert.run(lastInsertRowid, kind, at('2026-11-02T08:00'), HOUR);
    expect(await fx.core.call('wellbeing.ledger', {})).toEqual(mine);
  });

  it('reads through the (person_seq, at) index', () => {
    const plan = (sql: string, ...parameters: number[]) =>
      fx.core.context.db
        .prepare<number[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...parameters)
        .map((row) => row.detail)
        .join(' | ');
    expect(plan(ENTRIES_BETWEEN_SQL, 1, 0, 1)).toBe('SEARCH wellbeing_log USING INDEX wellbeing_log_by_person (person_seq=? AND at>? AND at<?)');
    expect(plan(LATEST_SESSION_SQL, 1)).toBe('SEARCH wellbeing_log USING INDEX wellbeing_log_by_person (person_seq=?)');
  });
});
