import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../shared/api/client';
import { messagePortTransport, type MessagePortLike } from '../../../shared/api/messagePortTransport';
import type { EventBus } from '../events';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { asDomPort, asPortMain } from '../testing/nodePorts';
import { createTestCore, type TestCore } from '../testing/testCore';
import { serveOverPort } from './messagePortServer';

/** The bus, counting its subscribers so a test can see a closed port let go of it. */
function countingBus(bus: EventBus) {
  let subscribers = 0;
  const counted: EventBus = {
    emit: (name, payload) => bus.emit(name, payload),
    subscribe(listener) {
      subscribers += 1;
      const unsubscribe = bus.subscribe(listener);
      return () => {
        subscribers -= 1;
        unsubscribe();
      };
    },
  };
  return { bus: counted, subscribers: () => subscribers };
}

let core: TestCore;
let channel: MessageChannel;

beforeEach(() => {
  core = createTestCore();
  channel = new MessageChannel();
});
afterEach(() => {
  channel.port1.close();
  channel.port2.close();
  core.close();
});

describe('MessagePort transport', () => {
  it('carries calls, validation errors and pushed events', async () => {
    serveOverPort(asPortMain(channel.port1), core.server, core.events);
    const client = createApiClient(messagePortTransport(asDomPort(channel.port2)));
    const accountId = addAccount(core.context.db);

    expect(await client.call('accounts.list', {})).toMatchObject({ ok: true, value: [{ id: accountId, platform: 'facebook' }] });
    expect(await client.call('conversations.list', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await client.call('no.such.method' as 'accounts.list', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    const changed = new Promise<string[]>((resolve) => client.on('inbox.changed', (event) => resolve(event.conversationIds)));
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1 })] });
    const [conversation] = (await core.call('conversations.list', {})).items;
    expect(await changed).toEqual([conversation?.id]);
  });

  it('waits for a port that arrives later, keeping the calls in order', async () => {
    let handOver: (port: MessagePortLike) => void = () => {};
    const client = createApiClient(messagePortTransport(new Promise<MessagePortLike>((resolve) => (handOver = resolve))));
    const first = client.call('accounts.list', {});
    const second = client.call('demo.start', { seed: 7, ratePerMinute: 0 });
    const third = client.call('accounts.list', {});
    serveOverPort(asPortMain(channel.port1), core.server, core.events);
    handOver(asDomPort(channel.port2));

    expect(await first).toEqual({ ok: true, value: [] });
    expect((await second).ok).toBe(true);
    const afterDemo = await third;
    expect(afterDemo.ok && afterDemo.value.length).toBeGreaterThan(0);
  });

  it('closes the port on anything that is not a request, and the client says so', async () => {
    serveOverPort(asPortMain(channel.port1), core.server, core.events);
    const client = createApiClient(messagePortTransport(asDomPort(channel.port2)));
    expect((await client.call('accounts.list', {})).ok).toBe(true);

    channel.port2.postMessage({ type: 'request', id: 'not-a-number', method: 'accounts.list', input: {} });
    // Sent after the malformed message, so the server has already closed: never answered.
    expect(await client.call('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await client.call('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('unsubscribes from core events when the window side closes', async () => {
    const { bus, subscribers } = countingBus(core.events);
    serveOverPort(asPortMain(channel.port1), core.server, bus);
    const client = createApiClient(messagePortTransport(asDomPort(channel.port2)));
    expect((await client.call('accounts.list', {})).ok).toBe(true);
    expect(subscribers()).toBe(1);

    client.close();
    await vi.waitFor(() => expect(subscribers()).toBe(0));
    expect(await client.call('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
