import { createApiClient, throwingCall } from '../../shared/api/client';
import { parseSchedule } from '../../shared/schedule';
import { inProcessTransport } from '../../electron/core/api/inProcessTransport';
import { localTime, MINUTE } from '../../electron/core/testing/localTime';
import type { Harness } from '../harness/startHarness';

export const ZONE = 'America/Toronto';
export const at = (iso: string): number => localTime(ZONE, iso);
/** "Now" for the ledger's end-to-end tests: Wednesday 2026-11-04, 15:00 in Toronto, within hours. */
export const NOW = at('2026-11-04T15:00');
const weekdays: [string, string][] = [['09:00', '17:00']];
const HOURS = parseSchedule({ timeZone: ZONE, weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: [], sun: [] } });

/** What the seeded workday should show, today and this week. */
export const SEEDED = {
  today: { onDutyMinutes: 340, offDutyMinutes: 6, peeks: 1, peekMinutes: 6, replies: 0, longestMinutes: 280, breaks: 1, hostile: 3 },
  week: { onDutyMinutes: 340, offDutyMinutes: 26, peeks: 1, peekMinutes: 6, replies: 1, longestMinutes: 280, breaks: 1, hostile: 3 },
};

/**
 * A realistic Tuesday evening and Wednesday, logged through the API as the app would log them,
 * with the core's clock (`clock.now`) moved along: it ends at NOW, in a session of 280 minutes.
 */
export async function seedWorkday(harness: Harness, clock: { now: number }): Promise<void> {
  const client = createApiClient(inProcessTransport(harness.core.server, harness.core.events));
  const call = throwingCall(client);
  const work = async (from: string, to: string) => {
    for (clock.now = at(from); clock.now <= at(to); clock.now += MINUTE) await call('wellbeing.heartbeat', {});
  };
  await call('duty.setSchedule', { schedule: HOURS });
  // Tuesday evening: "I'm working now" for twenty minutes, and one reply sent.
  clock.now = at('2026-11-03T19:00');
  await call('duty.override', { kind: 'working' });
  await work('2026-11-03T19:00', '2026-11-03T19:20');
  const [conversation] = (await call('conversations.list', { limit: 1 })).items;
  clock.now = at('2026-11-03T19:20');
  await call('outbox.setUndoDelay', { undoSendMs: 0 });
  await call('outbox.send', { conversationId: conversation?.id ?? '', text: 'Merci, on s’en occupe demain matin!', idempotencyKey: 'e2e-ledger-reply', when: { kind: 'now' } });
  await harness.core.outbox.drain();
  await call('duty.override', { kind: 'clear' });
  // Wednesday: a six-minute peek before hours, an hour of work, a twenty-minute pause, then on until now.
  clock.now = at('2026-11-04T08:30');
  const { peekId } = await call('duty.peekStart', {});
  await work('2026-11-04T08:30', '2026-11-04T08:36');
  clock.now = at('2026-11-04T08:36');
  await call('duty.peekEnd', { peekId });
  await work('2026-11-04T09:00', '2026-11-04T10:00');
  await work('2026-11-04T10:20', '2026-11-04T11:00');
  // Three hostile messages shown anyway (the reveal counts whatever the message's score).
  for (const { id } of (await call('conversations.list', { limit: 3 })).items) {
    const [first] = (await call('conversations.get', { id })).messages;
    if (first) await call('shield.reveal', { messageId: first.id });
  }
  await work('2026-11-04T11:01', '2026-11-04T15:00');
  clock.now = NOW;
  // Back on duty this morning, the person has seen what came in: the digest stays closed over the page under test.
  await call('digest.dismiss', {});
  client.close();
}
