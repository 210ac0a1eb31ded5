import { describe, expect, it } from 'vitest';
import type { UrgentNotice } from '../../../shared/api/events';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { crisisMatcher } from './crisisTriage';
import { urgentRecipients, type Reachable } from './escalation';

const fx = useCoreWithAccount();
const urgentNotices = () => {
  const notices: UrgentNotice[] = [];
  fx.core.events.subscribe((event) => {
    if (event.name === 'notification.urgent') notices.push(event.payload as UrgentNotice);
  });
  return notices;
};
const nobodyHours = { timeZone: 'UTC', weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };

describe('crisis keywords', () => {
  it('match whole words, ignoring accents and case', () => {
    const match = crisisMatcher(['intoxication', 'hôpital', 'food poisoning']);
    expect(match?.('Mon fils a fini à l’HOPITAL hier')).toBe('hopital');
    expect(match?.('Food  poisoning? no')).toBeNull();
    expect(match?.('I got food poisoning from your muffin')).toBe('food poisoning');
    expect(match?.('Une désintoxication de café')).toBeNull();
    expect(crisisMatcher([])).toBeNull();
  });
});

describe('urgent items', () => {
  it('a crisis keyword marks the conversation urgent on arrival and escalates it to me on duty, on the record', async () => {
    const notices = urgentNotices();
    fx.ingest([commentItem({ n: 1, text: 'Intoxication alimentaire après votre sandwich!' }), commentItem({ n: 2, text: 'Bon café' })]);
    const urgent = await fx.core.call('conversations.list', { urgent: true });
    expect(urgent.items.map((c) => c.snippet)).toEqual(['Intoxication alimentaire après votre sandwich!']);
    expect((await fx.core.call('conversations.counts', {})).openUrgent).toBe(1);
    expect(notices).toEqual([expect.objectContaining({ reason: 'keyword: intoxication', includesMe: true, author: 'Fan 1' })]);
    const detail = await fx.core.call('conversations.get', { id: urgent.items[0]?.id ?? '' });
    expect(detail.activity.map((line) => [line.action, line.data])).toEqual([
      ['conversation.urgent', { reason: 'keyword: intoxication' }],
      ['conversation.escalated', { reason: 'keyword: intoxication', to: ['me'] }],
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
});
