import { describe, expect, it } from 'vitest';
import { createTestCore } from '../testing/testCore';
import { sqliteUsageMeter } from './usageMeter';

describe('sqliteUsageMeter', () => {
  it('adds each call’s cost to its period, keeps periods apart, survives a new meter and reads the person’s budget', () => {
    const core = createTestCore();
    const { db } = core.context;
    db.exec("INSERT INTO accounts (id, platform, external_id, name, handle, is_demo, created_at, updated_at) VALUES ('yt', 'youtube', 'UC1', 'Brand', '@brand', 0, 0, 0)");
    const meter = sqliteUsageMeter(db, 'yt', () => 1_000);
    meter.add('2026-12-05', 1);
    meter.add('2026-12-05', 50);
    meter.add('2026-12-06', 100);
    expect(sqliteUsageMeter(db, 'yt', () => 2_000).spent('2026-12-05')).toBe(51);
    expect(meter.spent('2026-12-06')).toBe(100);
    expect(meter.spent('2026-12-07')).toBe(0);
    expect(db.prepare("SELECT calls FROM account_usage WHERE period = '2026-12-05'").pluck().get()).toBe(2);
    expect(meter.monthlyBudget()).toBeNull();
    db.exec("UPDATE accounts SET monthly_budget = 25 WHERE id = 'yt'");
    expect(meter.monthlyBudget()).toBe(25);
    core.close();
  });
});
