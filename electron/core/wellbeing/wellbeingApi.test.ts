import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';

const fx = useCoreWithAccount();
const refused = (message: string) => ({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(message) } });

describe('the wellbeing API', () => {
  it('keeps the break reminder setting, 90 minutes unless I choose otherwise, 0 meaning never', async () => {
    expect(await fx.core.call('wellbeing.settings', {})).toEqual({ breakReminderMinutes: 90 });
    expect(await fx.core.call('wellbeing.setSettings', { breakReminderMinutes: 45 })).toEqual({ breakReminderMinutes: 45 });
    expect(await fx.core.call('wellbeing.setSettings', { breakReminderMinutes: 0 })).toEqual({ breakReminderMinutes: 0 });
    expect(await fx.core.call('wellbeing.settings', {})).toEqual({ breakReminderMinutes: 0 });
  });

  it('refuses settings and ranges that make no sense, naming the field', async () => {
    const { client } = fx.core;
    expect(await client.call('wellbeing.setSettings', { breakReminderMinutes: 10 })).toMatchObject(refused('breakReminderMinutes: must be 0 (never) or at least 15 minutes'));
    expect(await client.call('wellbeing.setSettings', { breakReminderMinutes: 481 })).toMatchObject(refused('breakReminderMinutes'));
    expect(await client.call('wellbeing.setSettings', { breakReminderMinutes: 30.5 })).toMatchObject(refused('breakReminderMinutes'));
    expect(await client.call('wellbeing.ledger', { days: 0 })).toMatchObject(refused('days'));
    expect(await client.call('wellbeing.ledger', { weeks: 27 })).toMatchObject(refused('weeks'));
    expect(await client.call('wellbeing.breakStart', { source: 'boss' } as never)).toMatchObject(refused('source'));
    // No way to ask about anyone else: inputs are strict.
    expect(await client.call('wellbeing.ledger', { personId: 'teammate' } as never)).toMatchObject(refused('personId'));
    expect(await client.call('wellbeing.heartbeat', { at: 0 } as never)).toMatchObject(refused('at'));
  });

  it('ends only a break of mine', async () => {
    const { peekId } = await fx.core.call('duty.peekStart', {});
    expect(await fx.core.client.call('wellbeing.breakEnd', { breakId: peekId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await fx.core.client.call('wellbeing.breakEnd', { breakId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('defaults to the last 7 days and 8 weeks', async () => {
    const ledger = await fx.core.call('wellbeing.ledger', {});
    expect([ledger.days.length, ledger.weeks.length]).toEqual([7, 8]);
  });
});
