import { describe, expect, it, vi } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem, T0 } from '../testing/itemBuilder';
import type { ScheduleInput } from '../testing/scheduleInput';

const fx = useCoreWithAccount();
const HOUR = 3_600_000;
// T0 is Monday 2026-11-02 14:00 UTC: 09:00 in Toronto, 15:00 in Paris.
const week = (ranges: [string, string][], timeZone = 'America/Toronto'): ScheduleInput => ({
  timeZone,
  weekly: { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: [], sun: [] },
});
const nineToFive = week([['09:00', '17:00']]);
const offAllWeek = week([]);

const failure = async (promise: Promise<{ ok: boolean }>) => {
  const result = await promise;
  if (result.ok) throw new Error('expected a failure');
  return (result as { ok: false; error: { code: string; message: string } }).error;
};

describe('teammates', () => {
  it('adds, edits and lists people, me first, each with where they stand now', async () => {
    const ana = await fx.core.call('team.add', { name: '  Ana Tremblay ', schedule: nineToFive });
    expect(ana).toMatchObject({
      name: 'Ana Tremblay', isMe: false, avatarUrl: null, acceptsUrgentOffDuty: false, isOnDuty: true, isOnCall: false,
      notifications: { newMessages: 'all', urgent: true },
    });
    await fx.core.call('team.add', { name: 'bruno', schedule: offAllWeek, avatarUrl: 'https://cdn.example.com/bruno.png', acceptsUrgentOffDuty: true });
    const edited = await fx.core.call('team.update', { id: ana.id, name: 'Ana T.', notifications: { newMessages: 'mentionsAndDms', urgent: false }, schedule: offAllWeek });
    expect(edited).toMatchObject({ name: 'Ana T.', isOnDuty: false, notifications: { newMessages: 'mentionsAndDms', urgent: false }, schedule: { timeZone: 'America/Toronto' } });
    const people = await fx.core.call('team.list', {});
    expect(people.map((person) => [person.name, person.isMe, person.avatarUrl])).toEqual([
      ['', true, null],
      ['Ana T.', false, null],
      ['bruno', false, 'https://cdn.example.com/bruno.png'],
    ]);
  });

  it('refuses what does not make sense, naming the field', async () => {
    const add = (input: Record<string, unknown>) => failure(fx.core.client.call('team.add', { name: 'Ana', schedule: null, ...input } as never));
    expect(await add({ name: '   ' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('name: must not be blank') });
    expect((await add({ avatarUrl: 'http://example.com/a.png' })).message).toContain('avatarUrl: must be an https:// address or a data:image URL');
    expect((await add({ avatarUrl: 'javascript:alert(1)' })).message).toContain('avatarUrl:');
    expect((await add({ avatarUrl: 'data:image/svg+xml;base64,PHN2Zz4=' })).message).toContain('avatarUrl:');
    expect((await add({ notifications: { newMessages: 'some', urgent: true } })).message).toContain('notifications.newMessages');
    expect((await add({ schedule: { ...nineToFive, timeZone: 'Mars/Olympus' } })).message).toContain('schedule.timeZone');
    const ok = await fx.core.call('team.add', { name: 'Ana', schedule: null, avatarUrl: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(ok.avatarUrl).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(await failure(fx.core.client.call('team.update', { id: 'nobody', name: 'X' }))).toMatchObject({ code: 'not_found' });
  });

  it('never removes me; removing a teammate unassigns their conversations, on the record', async () => {
    const [me] = await fx.core.call('team.list', {});
    expect(await failure(fx.core.client.call('team.remove', { id: me?.id ?? '' }))).toMatchObject({ code: 'conflict' });
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: null });
    fx.ingest([commentItem({ n: 1 }), commentItem({ n: 2 }), commentItem({ n: 3 })]);
    const { db } = fx.core.context;
    db.prepare("UPDATE conversations SET assignee_id = ? WHERE id IN (SELECT id FROM conversations ORDER BY seq LIMIT 2)").run(ana.id);
    const changed: string[][] = [];
    fx.core.events.subscribe((event) => {
      if (event.name === 'inbox.changed') changed.push((event.payload as { conversationIds: string[] }).conversationIds);
    });
    expect(await fx.core.call('team.remove', { id: ana.id })).toEqual({ unassignedConversations: 2 });
    expect(await fx.core.call('conversations.list', { assigneeId: ana.id })).toMatchObject({ total: 0 });
    expect(changed.flat()).toHaveLength(2);
    expect(db.prepare("SELECT count(*) AS n FROM activity WHERE action = 'conversation.unassigned'").get()).toEqual({ n: 2 });
    expect((await fx.core.call('team.list', {})).map((person) => person.name)).toEqual(['']);
    expect(await failure(fx.core.client.call('team.remove', { id: ana.id }))).toMatchObject({ code: 'not_found' });
  });

  it('names the other people on duty now in my duty status, following their hours', async () => {
    await fx.core.call('duty.setSchedule', { schedule: offAllWeek });
    await fx.core.call('team.add', { name: 'Zoé', schedule: week([['15:00', '18:00']], 'Europe/Paris') });
    await fx.core.call('team.add', { name: 'Ana', schedule: nineToFive });
    await fx.core.call('team.add', { name: 'Bruno', schedule: offAllWeek });
    expect(await fx.core.call('duty.status', {})).toMatchObject({ isOnDuty: false, onDutyNow: ['Ana', 'Zoé'] });
    fx.core.now.value = T0 + 3 * HOUR;
    expect((await fx.core.call('duty.status', {})).onDutyNow).toEqual(['Ana']);
  });

  it('tells every client when a teammate’s shift starts, though mine does not change', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await fx.core.call('duty.setSchedule', { schedule: offAllWeek });
      await fx.core.call('team.add', { name: 'Ana', schedule: week([['10:00', '17:00']]) });
      const changes: string[] = [];
      fx.core.events.subscribe((event) => void (event.name === 'duty.changed' && changes.push(event.name)));
      fx.core.now.value = T0 + HOUR;
      vi.advanceTimersByTime(HOUR + 1);
      expect(changes).toHaveLength(1);
      expect((await fx.core.call('duty.status', {})).onDutyNow).toEqual(['Ana']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('on call', () => {
  it('is one fixed person at a time, or nobody', async () => {
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: null });
    const ben = await fx.core.call('team.add', { name: 'Ben', schedule: null });
    expect(await fx.core.call('team.onCall', {})).toMatchObject({ mode: 'none', onCallNow: null });
    await fx.core.call('team.setOnCall', { mode: 'fixed', personId: ana.id });
    expect(await fx.core.call('team.setOnCall', { mode: 'fixed', personId: ben.id })).toMatchObject({ mode: 'fixed', personId: ben.id, onCallNow: ben.id });
    expect((await fx.core.call('team.list', {})).filter((person) => person.isOnCall).map((person) => person.name)).toEqual(['Ben']);
    expect(await failure(fx.core.client.call('team.setOnCall', { mode: 'fixed', personId: 'nobody' }))).toMatchObject({ code: 'not_found' });
    expect(await fx.core.call('team.setOnCall', { mode: 'none' })).toMatchObject({ mode: 'none', onCallNow: null });
  });

  it('follows a weekly rota, kept when turned off, and loses a removed person', async () => {
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: null });
    const ben = await fx.core.call('team.add', { name: 'Ben', schedule: null });
    // Hand-over Mondays at 08:00 in Toronto (13:00 UTC): T0 is an hour after one.
    const rota = { personIds: [ana.id, ben.id], startsOn: '2026-10-26', handover: { weekday: 'mon' as const, time: '08:00' }, timeZone: 'America/Toronto' };
    expect(await fx.core.call('team.setOnCall', { mode: 'rota', rota })).toMatchObject({ mode: 'rota', onCallNow: ben.id, nextHandoverAt: T0 - HOUR + 7 * 24 * HOUR });
    fx.core.now.value = T0 + 7 * 24 * HOUR;
    expect((await fx.core.call('team.onCall', {})).onCallNow).toBe(ana.id);
    await fx.core.call('duty.setPreferences', { isOnCall: true });
    expect(await fx.core.call('team.onCall', {})).toMatchObject({ mode: 'fixed', rota: { personIds: [ana.id, ben.id] } });
    await fx.core.call('team.setOnCall', { mode: 'rota', rota });
    await fx.core.call('team.remove', { id: ana.id });
    expect(await fx.core.call('team.onCall', {})).toMatchObject({ mode: 'rota', onCallNow: ben.id, rota: { personIds: [ben.id] } });
  });

  it('refuses a rota with nobody, or with someone twice, naming the field', async () => {
    const rota = { personIds: [] as string[], startsOn: '2026-10-26', handover: { weekday: 'mon' as const, time: '08:00' }, timeZone: 'America/Toronto' };
    expect((await failure(fx.core.client.call('team.setOnCall', { mode: 'rota', rota }))).message).toContain('rota.personIds: must name at least one person');
    expect((await failure(fx.core.client.call('team.setOnCall', { mode: 'rota', rota: { ...rota, personIds: ['a', 'a'] } }))).message).toContain('rota.personIds: must not name the same person twice');
    expect((await failure(fx.core.client.call('team.setOnCall', { mode: 'rota', rota: { ...rota, personIds: ['a'], handover: { weekday: 'mon', time: '25:00' } } }))).message).toContain('rota.handover.time');
  });
});
