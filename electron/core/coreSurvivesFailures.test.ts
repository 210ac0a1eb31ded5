import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from './store/database';
import { addAccount, commentItem } from './testing/itemBuilder';
import { memoryLog } from './testing/memoryLog';
import { createTestCore, type TestCore } from './testing/testCore';

const DAY_MS = 86_400_000;
let core: TestCore | undefined;

afterEach(() => {
  core?.close();
  vi.useRealTimers();
});

/** A database that fails as a full disk or a damaged table would: storing messages, waking snoozes, reading duty. */
function breakDatabase(db: Db): void {
  db.exec(`
    CREATE TRIGGER test_no_message BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'The disk said no.'); END;
    CREATE TRIGGER test_no_wake BEFORE UPDATE ON conversations BEGIN SELECT RAISE(ABORT, 'The disk said no.'); END;
    ALTER TABLE duty_overrides RENAME TO test_duty_overrides_away;
  `);
}

function repairDatabase(db: Db): void {
  db.exec(`
    DROP TRIGGER test_no_message;
    DROP TRIGGER test_no_wake;
    ALTER TABLE test_duty_overrides_away RENAME TO duty_overrides;
  `);
}

describe('a core whose loops and timers fail', () => {
  it('logs each failure with its context, backs off, keeps answering requests, and recovers', async () => {
    // Only the timers are faked: the core's clock is its own, and promises settle as usual.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const { log, lines } = memoryLog();
    core = createTestCore({ log, demo: { pollIntervalMs: 1_000, backlogCount: 5 } });
    const accountId = addAccount(core.context.db);
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1 })] });
    const [snoozed] = (await core.call('conversations.list', {})).items;
    const snoozedId = snoozed?.id ?? '';
    await core.call('conversations.setStatus', { ids: [snoozedId], status: 'snoozed', snoozeUntil: core.now.value + 1 });
    // Off duty until tomorrow; a second before then, the duty timer is due within the test.
    core.duty.override('off');
    core.now.value += DAY_MS - 1_000;
    core.duty.arm();
    core.demo.start();

    breakDatabase(core.context.db);
    await vi.advanceTimersByTimeAsync(61_000);

    const errors = lines.filter((line) => line.level === 'error');
    expect(errors.map((line) => line.msg)).toEqual(
      expect.arrayContaining([
        'The demo workspace poll failed; trying again later.',
        'Waking snoozed conversations failed; trying again later.',
        'Announcing a change of duty failed; trying again later.',
      ]),
    );
    expect(errors.find((line) => line.loop === 'The demo workspace poll')).toMatchObject({ failures: 1, retryInMs: expect.any(Number), err: { message: 'The disk said no.' } });
    expect(errors.find((line) => line.msg.startsWith('Announcing'))).toMatchObject({ failures: 1, err: { message: expect.stringContaining('no such table') } });
    // Backing off: the poll is due every second, but failing, it is tried less and less often.
    expect(errors.filter((line) => line.loop === 'The demo workspace poll').length).toBeLessThan(10);

    // Meanwhile every request that does not need the broken parts is answered.
    expect((await core.call('conversations.list', { status: 'snoozed' })).items.map((item) => item.id)).toEqual([snoozedId]);
    expect(await core.client.call('accounts.list', {})).toMatchObject({ ok: true });

    repairDatabase(core.context.db);
    const failedBefore = errors.length;
    // The longest backoff is five minutes: by then every loop has tried again, and succeeded.
    await vi.advanceTimersByTimeAsync(5 * 60_000 + 1_000);
    expect(lines.filter((line) => line.level === 'error')).toHaveLength(failedBefore);
    expect((await core.call('conversations.get', { id: snoozedId })).status).toBe('open');
    expect((await core.call('conversations.counts', {})).openByPlatform.instagram).toBeGreaterThan(0);
  });
});
