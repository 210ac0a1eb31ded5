import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../core';
import { T0 } from '../testing/itemBuilder';

const HOUR_MS = 3_600_000;

let dataDir: string;
let core: Core;
let now: number;
let errors: unknown[];

beforeEach(() => {
  // Only the intervals are faked: backups step on setImmediate, which must stay real.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-daily-'));
  now = T0;
  errors = [];
  core = createCore({ dataDir, clock: () => now, onInternalError: (error) => void errors.push(error) });
});
afterEach(() => {
  core.close();
  vi.useRealTimers();
  rmSync(dataDir, { recursive: true, force: true });
});

const autoBackups = () => core.data?.list().backups.filter((backup) => backup.kind === 'auto').length;
const idle = () => vi.waitFor(() => expect(core.data?.isBusy).toBe(false));

describe('daily maintenance while the core runs', () => {
  it('backs up again once the newest is a day old, and a failed pass neither stops the timer nor the core', async () => {
    await idle();
    expect(autoBackups()).toBe(1);

    now += 23 * HOUR_MS;
    vi.advanceTimersByTime(HOUR_MS);
    await idle();
    expect(autoBackups()).toBe(1);

    // The prune fails (its setting's table gone): reported, and the day's backup is taken all the same.
    core.context.db.exec('ALTER TABLE data_settings RENAME TO data_settings_away');
    now += HOUR_MS;
    vi.advanceTimersByTime(HOUR_MS);
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining('data_settings') })]);
    await idle();
    expect(autoBackups()).toBe(2);

    // The timer goes on: a day later, the next backup.
    core.context.db.exec('ALTER TABLE data_settings_away RENAME TO data_settings');
    now += 24 * HOUR_MS;
    vi.advanceTimersByTime(HOUR_MS);
    await idle();
    expect(autoBackups()).toBe(3);
    expect(errors).toHaveLength(1);
  });
});
