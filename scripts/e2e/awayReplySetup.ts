import { parseSchedule, WEEKDAYS } from '../../shared/schedule';
import type { Harness } from '../harness/startHarness';

const HOUR = 3_600_000;

export const facebookId = (harness: Harness) => harness.core.context.db.prepare<[], { id: string }>("SELECT id FROM accounts WHERE platform = 'facebook'").get()?.id ?? '';

/** The demo Facebook account open every day for four hours that ended an hour ago (UTC): closed now, whenever the test runs. */
export async function closedSinceAnHour(harness: Harness) {
  const hhmm = (at: number) => new Date(at).toISOString().slice(11, 16);
  const now = Date.now();
  const range: [string, string] = [hhmm(now - 5 * HOUR), hhmm(now - HOUR)];
  const schedule = parseSchedule({ timeZone: 'UTC', weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, [range]])) });
  await harness.call('accounts.setBusinessHours', { accountId: facebookId(harness), schedule });
}
