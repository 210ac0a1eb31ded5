import { afterEach, describe, expect, it, vi } from 'vitest';
import { addAccount, commentItem } from './testing/itemBuilder';
import { memoryLog } from './testing/memoryLog';
import { createTestCore, type TestCore } from './testing/testCore';

const DAY_MS = 86_400_000;
let core: TestCore | undefined;

afterEach(() => {
  core?.close();
  vi.useRealTimers();
});

describe('a core whose loops and timers fail', () => {
  it('logs each failure with its context, backs off, and keeps answering requests', async () => {
    // Only the timers are faked: the core's clock is its own, and promises settle as usual.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const { log, lines } = memoryLog();
    core = createTestCore({ log, demo: { pollIntervalMs: 1_000, backlogCount: 5 } });
    const accountId = addAccount(core.context.db);
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1 })] });
    const [conversation] = (await core.call('conversations.list', {})).items;
    await core.call('conversations.setStatus', { ids: [conversation?.id ?? ''], status: 'snoozed', snoozeUntil: core.now.value + 1 });
    // Off duty until tomorrow; a second before then, the duty timer is due within the test.
    core.duty.override('off');
    core.now.value += DAY_MS - 1_000;
    core.duty.arm();
    core.demo.start();

    // One broken subscriber: the demo's ingest, the snooze wake-up and the duty change all throw.
    core.events.subscribe(() => {
      throw new Error('A subscriber broke.');
    });
    await vi.advanceTimersByTimeAsync(61_000);

    const failures = lines.filter((line) => line.level === 'error').map((line) => line.msg);
    expect(failures).toContain('The demo workspace poll failed; trying again later.');
    expect(failures).toContain('Waking snoozed conversations failed; trying again later.');
    expect(failures).toContain('Announcing a change of duty failed; trying again later.');
    const poll = lines.find((line) => line.loop === 'The demo workspace poll');
    expect(poll).toMatchObject({ failures: 1, err: { message: 'A subscriber broke.' } });
    // Backing off: the poll is due every second, but failing it is tried less and less often.
    expect(lines.filter((line) => line.loop === 'The demo workspace poll').length).toBeLessThan(10);

    const list = await core.client.call('conversations.list', {});
    expect(list.ok).toBe(true);
    expect(await core.call('duty.status', {})).toMatchObject({ isOnDuty: false });
  });
});
