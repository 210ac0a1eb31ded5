import { describe, expect, it } from 'vitest';
import { AccountLanes } from './accountLanes';

/** A run the test ends when it wants, recording when each started. */
function controlledWork() {
  const started: string[] = [];
  const finishers: (() => void)[] = [];
  const work = (accountId: string) =>
    new Promise<void>((resolve) => {
      started.push(accountId);
      finishers.push(resolve);
    });
  const finishNext = async () => {
    finishers.shift()?.();
    // Let the lane's promise chain move on.
    for (let tick = 0; tick < 5; tick += 1) await Promise.resolve();
  };
  return { started, work, finishNext };
}

describe('account lanes', () => {
  it('runs different accounts side by side, and one account’s runs one after the other, asks made meanwhile joined into one', async () => {
    const { started, work, finishNext } = controlledWork();
    const idle: number[] = [];
    const lanes = new AccountLanes(work, () => idle.push(started.length));
    void lanes.run('a');
    void lanes.run('b');
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    const again = lanes.run('a');
    expect(lanes.run('a')).toBe(again);
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    await finishNext();
    expect(started).toEqual(['a', 'b', 'a']);
    expect(lanes.isBusy('a')).toBe(true);
    await finishNext();
    expect(lanes.isBusy('b')).toBe(false);
    await finishNext();
    await again;
    expect(lanes.isBusy('a')).toBe(false);
    expect(idle).toEqual([3, 3]);
  });

  it('starts the next run even when the one before failed', async () => {
    let calls = 0;
    const lanes = new AccountLanes(async () => {
      calls += 1;
      if (calls === 1) throw new Error('the database is busy');
    }, () => undefined);
    const failing = lanes.run('a');
    const next = lanes.run('a');
    await expect(failing).rejects.toThrow('the database is busy');
    await next;
    expect(calls).toBe(2);
  });
});
