import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLog } from '../testing/memoryLog';
import { delayAfterFailures, startLoop, type Loop } from './loop';

let loop: Loop | undefined;
afterEach(() => {
  loop?.stop();
  vi.useRealTimers();
});

describe('delayAfterFailures', () => {
  it('doubles from the loop’s own interval, with jitter, up to five minutes', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((failures) => delayAfterFailures(1_000, failures, middle))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(delayAfterFailures(1_000, 30, middle)).toBe(300_000);
    expect(delayAfterFailures(1_000, 1, () => 0)).toBe(1_000);
    expect(delayAfterFailures(1_000, 2, () => 1)).toBe(2_400);
  });
});

describe('startLoop', () => {
  it('runs every interval, one run at a time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { log } = memoryLog();
    let running = 0;
    let runs = 0;
    let overlapped = false;
    loop = startLoop({
      name: 'A slow loop',
      everyMs: 100,
      log,
      run: async () => {
        overlapped ||= running > 0;
        running += 1;
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 250));
        running -= 1;
      },
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(overlapped).toBe(false);
    // Each turn is the 100 ms wait plus the 250 ms run.
    expect(runs).toBe(3);
  });

  it('logs a failure with its name and count, backs off, and recovers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { log, lines } = memoryLog();
    // When each run happened, to the second: the end of the second being advanced through.
    const at: number[] = [];
    let elapsed = 0;
    loop = startLoop({
      name: 'A flaky loop',
      everyMs: 1_000,
      log,
      random: () => 0.5,
      run: () => {
        at.push(elapsed + 1_000);
        if (at.length <= 3) throw new Error(`Failure ${at.length}`);
      },
    });
    for (let second = 0; second < 20; second += 1) {
      await vi.advanceTimersByTimeAsync(1_000);
      elapsed += 1_000;
    }
    // First at 1 s; after each failure it waits 1 s, 2 s, then 4 s; then every second again.
    expect(at.slice(0, 6)).toEqual([1_000, 2_000, 4_000, 8_000, 9_000, 10_000]);
    expect(lines.map(({ msg, failures, retryInMs }) => ({ msg, failures, retryInMs }))).toEqual([
      { msg: 'A flaky loop failed; trying again later.', failures: 1, retryInMs: 1_000 },
      { msg: 'A flaky loop failed; trying again later.', failures: 2, retryInMs: 2_000 },
      { msg: 'A flaky loop failed; trying again later.', failures: 3, retryInMs: 4_000 },
    ]);
    expect(lines[2]).toMatchObject({ level: 'error', loop: 'A flaky loop', err: { message: 'Failure 3' } });
  });

  it('stops for good', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let runs = 0;
    loop = startLoop({ name: 'A loop', everyMs: 10, log: memoryLog().log, run: () => (runs += 1) });
    await vi.advanceTimersByTimeAsync(35);
    loop.stop();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(3);
  });
});
