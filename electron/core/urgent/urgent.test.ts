import { describe, expect, it } from 'vitest';
import type { UrgentNotice } from '../../../shared/api/events';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem, T0 } from '../testing/itemBuilder';
import { urgentRecipients, type Reachable } from './escalation';

const fx = useCoreWithAccount();
const urgentNotices = () => {
  const notices: UrgentNotice[] = [];
  fx.core.events.subscribe((event) => {
    if (event.name === 'notification.urgent') notices.push(event.payload as UrgentNotice);
  });
  return notices;
};
const CRISIS = 'rule: Mots de crise / Crisis words';
const nobodyHours = { timeZone: 'UTC', weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };

describe('urgent items', () => {
  it('a crisis keyword marks the conversation urgent on arrival and escalates it to me on duty, on the record', async () => {
    const notices = urgentNotices();
    fx.ingest([commentItem({ n: 1, text: 'Intoxication alimentaire après votre sandwich!' }), commentItem({ n: 2, text: 'Bon café' })]);
    const urgent = await fx.core.call('conversations.list', { urgent: true });
    expect(urgent.items.map((c) => c.snippet)).toEqual(['Intoxication alimentaire après votre sandwich!']);
    expect((await fx.core.call('conversations.counts', {})).openUrgent).toBe(1);
    expect(notices).toEqual([expect.objectContaining({ reason: CRISIS, includesMe: true, author: 'Fan 1' })]);
    const detail = await fx.core.call('conversations.get', { id: urgent.items[0]?.id ?? '' });
    expect(detail.activity.map((line) => [line.action, line.data])).toEqual([
      ['conversation.urgent', { reason: CRISIS, rule: 'Mots de crise / Crisis words' }],
      ['conversation.escalated', { reason: CRISIS, to: ['me'], toIds: [expect.any(String)] }],
    ]);
  });

  it('never reaches me off duty unless I accept urgent items or am on call', async () => {
    const notices = urgentNotices();
    await fx.core.call('duty.setSchedule', { schedule: nobodyHours });
    fx.ingest([commentItem({ n: 1, text: 'Allergic reaction, my kid is at the hospital' })]);
    await fx.core.call('duty.setPreferences', { acceptsUrgentOffDuty: true });
    fx.ingest([commentItem({ n: 2, text: 'We are calling our lawyer' })]);
    await fx.core.call('duty.setPreferences', { acceptsUrgentOffDuty: false, isOnCall: true });
    fx.ingest([commentItem({ n: 3, text: 'Product recall?' })]);
    expect(notices.map((notice) => notice.includesMe)).toEqual([false, true, true]);
  });

  it('can be marked by hand, escalated once, and unmarked', async () => {
    const notices = urgentNotices();
    fx.ingest([commentItem({ n: 1 })]);
    const [conversation] = (await fx.core.call('conversations.list', {})).items;
    const ids = [conversation?.id ?? ''];
    await fx.core.call('conversations.setUrgent', { ids, isUrgent: true });
    await fx.core.call('conversations.setUrgent', { ids, isUrgent: true });
    expect(notices.map((notice) => notice.reason)).toEqual(['marked by hand']);
    await fx.core.call('conversations.setUrgent', { ids, isUrgent: false });
    expect((await fx.core.call('conversations.get', { id: ids[0] ?? '' })).urgentAt).toBeNull();
  });

  it('goes to everyone on duty, else to those on call or who opted in, else to nobody', () => {
    const person = (id: string, overrides: Partial<Reachable>): Reachable => ({ id, name: id, isOnDuty: false, acceptsUrgentOffDuty: false, isOnCall: false, ...overrides });
    expect(urgentRecipients([person('a', { isOnDuty: true }), person('b', { isOnCall: true }), person('c', { isOnDuty: true })]).map((p) => p.id)).toEqual(['a', 'c']);
    expect(urgentRecipients([person('a', {}), person('b', { isOnCall: true }), person('c', { acceptsUrgentOffDuty: true })]).map((p) => p.id)).toEqual(['b', 'c']);
    expect(urgentRecipients([person('a', {}), person('b', {})])).toEqual([]);
  });

  it('goes to a teammate on duty rather than to me off duty, by name on the record', async () => {
    const notices = urgentNotices();
    await fx.core.call('duty.setSchedule', { schedule: nobodyHours });
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: { ...nobodyHours, weekly: { ...nobodyHours.weekly, mon: [['09:00', '17:00']] } } });
    await fx.core.call('team.add', { name: 'Ben', schedule: nobodyHours });
    fx.ingest([commentItem({ n: 1, text: 'Food poisoning after your muffin' })]);
    expect(notices).toEqual([expect.objectContaining({ recipientIds: [ana.id], includesMe: false, notifiesMe: false })]);
    const [conversation] = (await fx.core.call('conversations.list', { urgent: true })).items;
    const detail = await fx.core.call('conversations.get', { id: conversation?.id ?? '' });
    expect(detail.activity.find((line) => line.action === 'conversation.escalated')?.data).toEqual({ reason: CRISIS, to: ['Ana'], toIds: [expect.any(String)] });
  });

  it('when nobody is on duty, goes to the rota’s person at the escalation instant', async () => {
    const notices = urgentNotices();
    await fx.core.call('duty.setSchedule', { schedule: nobodyHours });
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: nobodyHours });
    const ben = await fx.core.call('team.add', { name: 'Ben', schedule: nobodyHours });
    // Hand-over Mondays 14:00 UTC: T0 is the second week's first instant (Ben's), a minute before it the first (Ana's).
    await fx.core.call('team.setOnCall', { mode: 'rota', rota: { personIds: [ana.id, ben.id], startsOn: '2026-10-26', handover: { weekday: 'mon', time: '14:00' }, timeZone: 'UTC' } });
    fx.core.now.value = T0 - 60_000;
    fx.ingest([commentItem({ n: 1, text: 'We are calling our lawyer' })]);
    fx.core.now.value = T0;
    fx.ingest([commentItem({ n: 2, text: 'Product recall?' })]);
    fx.core.now.value = T0 + 7 * 86_400_000;
    fx.ingest([commentItem({ n: 3, text: 'My kid is at the hospital' })]);
    expect(notices.map((notice) => notice.recipientIds)).toEqual([[ana.id], [ben.id], [ana.id]]);
  });

  it('never goes to an off-duty teammate who did not opt in; those who did share it with the on-call person', async () => {
    const notices = urgentNotices();
    await fx.core.call('duty.setSchedule', { schedule: nobodyHours });
    await fx.core.call('team.add', { name: 'Ana', schedule: nobodyHours });
    const ben = await fx.core.call('team.add', { name: 'Ben', schedule: nobodyHours, acceptsUrgentOffDuty: true });
    const chloe = await fx.core.call('team.add', { name: 'Chloé', schedule: nobodyHours });
    fx.ingest([commentItem({ n: 1, text: 'Allergic reaction!' })]);
    await fx.core.call('team.setOnCall', { mode: 'fixed', personId: chloe.id });
    fx.ingest([commentItem({ n: 2, text: 'Emergency, please answer' })]);
    expect(notices.map((notice) => notice.recipientIds)).toEqual([[ben.id], [ben.id, chloe.id]]);
  });

  it('notifies me as my preferences say, but always while I am on call', async () => {
    const notices = urgentNotices();
    const [me] = await fx.core.call('team.list', {});
    await fx.core.call('team.update', { id: me?.id ?? '', notifications: { newMessages: 'all', urgent: false } });
    fx.ingest([commentItem({ n: 1, text: 'Intoxication alimentaire!' })]);
    await fx.core.call('duty.setSchedule', { schedule: nobodyHours });
    await fx.core.call('duty.setPreferences', { isOnCall: true });
    fx.ingest([commentItem({ n: 2, text: 'Je vais appeler mon avocat' })]);
    expect(notices.map((notice) => [notice.includesMe, notice.notifiesMe])).toEqual([[true, false], [true, true]]);
  });
});
