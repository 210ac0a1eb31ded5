import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { addAccount, commentItem } from '../core/testing/itemBuilder';
import { createTestCore, type TestCore } from '../core/testing/testCore';
import { watchUnreadCount } from './unreadCount';

let core: TestCore;
beforeEach(() => (core = createTestCore()));
afterEach(() => core.close());

/** The test core's client, counting the counts it is asked for. */
const countingClient = (client: ApiClient) => {
  const counts = { asked: 0 };
  const wrapped: Pick<ApiClient, 'call' | 'on'> = {
    call: (method, input) => {
      if (method === 'notifications.badge') counts.asked += 1;
      return client.call(method, input);
    },
    on: (name, listener) => client.on(name, listener),
  };
  return { client: wrapped, counts };
};

const failOnError = (error: unknown) => {
  throw error;
};

describe('watchUnreadCount', () => {
  it('goes on counting after a count could not be shown', async () => {
    const seen: number[] = [];
    const errors: unknown[] = [];
    watchUnreadCount(
      core.client,
      (count) => {
        seen.push(count);
        if (seen.length === 1) throw new Error('The tray is gone.');
      },
      (error) => errors.push(error),
    );
    await vi.waitFor(() => expect(errors).toEqual([new Error('The tray is gone.')]));
    const accountId = addAccount(core.context.db);
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1 })] });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1));
  });

  it('reports the open unread count at once and after every change', async () => {
    const seen: number[] = [];
    watchUnreadCount(core.client, (count) => seen.push(count), failOnError);
    await vi.waitFor(() => expect(seen).toEqual([0]));

    const accountId = addAccount(core.context.db);
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1 }), commentItem({ n: 2 })] });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(2));

    const { items } = await core.call('conversations.list', {});
    await core.call('conversations.markRead', { ids: items.map((item) => item.id) });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(0));
  });

  it('shows no count while off duty, and the count again when back on', async () => {
    const seen: number[] = [];
    const accountId = addAccount(core.context.db);
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1 }), commentItem({ n: 2 })] });
    watchUnreadCount(core.client, (count) => seen.push(count), failOnError);
    await vi.waitFor(() => expect(seen.at(-1)).toBe(2));
    await core.call('duty.override', { kind: 'off' });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(0));
    await core.call('duty.override', { kind: 'clear' });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(2));
  });

  it('coalesces a burst of changes into one more count', async () => {
    const { client, counts } = countingClient(core.client);
    const seen: number[] = [];
    watchUnreadCount(client, (count) => seen.push(count), failOnError);
    await vi.waitFor(() => expect(seen).toHaveLength(1));

    const accountId = addAccount(core.context.db);
    for (let n = 1; n <= 20; n += 1) core.context.ingest({ accountId, source: 'test', items: [commentItem({ n })] });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(20));
    expect(counts.asked).toBeLessThanOrEqual(3);
  });

  it('stops reporting once stopped', async () => {
    const seen: number[] = [];
    const stop = watchUnreadCount(core.client, (count) => seen.push(count), failOnError);
    await vi.waitFor(() => expect(seen).toEqual([0]));
    stop();
    core.context.ingest({ accountId: addAccount(core.context.db), source: 'test', items: [commentItem({ n: 1 })] });
    await core.call('conversations.counts', {});
    expect(seen).toEqual([0]);
  });
});
