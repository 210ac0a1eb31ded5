import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../shared/schedule';
import { addAccount, T0 } from '../testing/itemBuilder';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { businessHoursOf, isWithinBusinessHours } from './businessHours';

const fx = useCoreWithAccount();
const HOUR = 3_600_000;
// T0 is Monday 2026-11-02 14:00 UTC: 09:00 in Montréal, 15:00 in Paris.
const storeHours = parseSchedule({
  timeZone: 'America/Toronto',
  weekly: { mon: [['10:00', '18:00']], tue: [['10:00', '18:00']], wed: [], thu: [], fri: [], sat: [['10:00', '16:00']], sun: [] },
  exceptions: [{ date: '2026-11-03', ranges: [] }],
});

describe('business hours', () => {
  it('answer "within business hours at t" from the account’s schedule, in its zone; no hours means always open', () => {
    expect(isWithinBusinessHours(storeHours, T0)).toBe(false);
    expect(isWithinBusinessHours(storeHours, T0 + HOUR)).toBe(true);
    expect(isWithinBusinessHours(storeHours, T0 + 9 * HOUR)).toBe(false);
    // Tuesday is a holiday: closed all day.
    expect(isWithinBusinessHours(storeHours, T0 + 25 * HOUR)).toBe(false);
    // Saturday 2026-03-07 and, across the spring-forward, Saturday 2026-03-14: 10:00 EST then 10:00 EDT.
    expect(isWithinBusinessHours(storeHours, Date.UTC(2026, 2, 7, 15))).toBe(true);
    expect(isWithinBusinessHours(storeHours, Date.UTC(2026, 2, 14, 14, 30))).toBe(true);
    expect(isWithinBusinessHours(storeHours, Date.UTC(2026, 2, 7, 14, 30))).toBe(false);
    expect(isWithinBusinessHours(null, T0)).toBe(true);
  });

  it('are stored per connected account, set and cleared through the API', async () => {
    const second = addAccount(fx.core.context.db, 'instagram', 'ig-1');
    expect(await fx.core.call('accounts.businessHours', {})).toEqual([
      { accountId: fx.accountId, schedule: null },
      { accountId: second, schedule: null },
    ]);
    expect(await fx.core.call('accounts.setBusinessHours', { accountId: second, schedule: storeHours })).toEqual({ accountId: second, schedule: storeHours });
    expect(businessHoursOf(fx.core.context.db, second)).toEqual(storeHours);
    expect(businessHoursOf(fx.core.context.db, fx.accountId)).toBeNull();
    await fx.core.call('accounts.setBusinessHours', { accountId: second, schedule: null });
    expect(businessHoursOf(fx.core.context.db, second)).toBeNull();
  });

  it('refuse an unknown account and hours that do not make sense, naming the field', async () => {
    const unknown = await fx.core.client.call('accounts.setBusinessHours', { accountId: 'nope', schedule: null });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const overlapping = await fx.core.client.call('accounts.setBusinessHours', {
      accountId: fx.accountId,
      schedule: { ...storeHours, weekly: { ...storeHours.weekly, mon: [['10:00', '18:00'], ['17:00', '19:00']] } },
    });
    expect(overlapping).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('schedule.weekly.mon.1: ranges 10:00–18:00 and 17:00–19:00 overlap') } });
  });
});
