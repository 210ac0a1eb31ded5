import { describe, expect, it, vi } from 'vitest';
import { CORE_PORT_MESSAGE } from './bridge';
import { createApiClient } from './client';
import { messagePortTransport, receiveCorePort, type MessagePortLike, type PortMessageTarget } from './messagePortTransport';

/** A port that records what the client does with it and lets the test play the other end. */
function fakePort() {
  const listeners = { message: [] as ((event: { data: unknown }) => void)[], close: [] as (() => void)[] };
  const port = {
    sent: [] as unknown[],
    isStarted: false,
    isClosed: false,
    postMessage(message: unknown) {
      this.sent.push(message);
    },
    addEventListener(type: 'message' | 'close', listener: (event: { data: unknown }) => void) {
      if (type === 'message') listeners.message.push(listener);
      else listeners.close.push(listener as () => void);
    },
    start() {
      this.isStarted = true;
    },
    close() {
      this.isClosed = true;
    },
  };
  const reply = (data: unknown) => listeners.message.forEach((listener) => listener({ data }));
  const remoteCloses = () => listeners.close.forEach((listener) => listener());
  return { port: port satisfies MessagePortLike, reply, remoteCloses };
}

/** A window whose listeners the test can message. */
function fakeWindow() {
  const listeners: Parameters<PortMessageTarget['addEventListener']>[1][] = [];
  const target: PortMessageTarget = { addEventListener: (_type, listener) => listeners.push(listener) };
  const post = (data: unknown, ports: MessagePortLike[]) => listeners.forEach((listener) => listener({ data, ports }));
  return { target, post };
}

describe('receiveCorePort', () => {
  it('listens before it asks, so even an immediate answer is caught', async () => {
    const { target, post } = fakeWindow();
    const { port } = fakePort();
    const received = receiveCorePort(target, { requestCorePort: () => post(CORE_PORT_MESSAGE, [port]) });
    expect(await received).toBe(port);
  });

  it('ignores other window messages and a port message without its port', async () => {
    const { target, post } = fakeWindow();
    const requestCorePort = vi.fn();
    const received = receiveCorePort(target, { requestCorePort });
    expect(requestCorePort).toHaveBeenCalledOnce();
    const { port: stray } = fakePort();
    const { port } = fakePort();
    post('something else', [stray]);
    post(CORE_PORT_MESSAGE, []);
    post(CORE_PORT_MESSAGE, [port]);
    expect(await received).toBe(port);
  });
});

describe('messagePortTransport', () => {
  it('posts requests as they are (the port clones them) and starts the port once it listens', async () => {
    const { port, reply } = fakePort();
    const client = createApiClient(messagePortTransport(port));
    const answer = client.call('accounts.list', {});
    await vi.waitFor(() => expect(port.sent).toEqual([{ type: 'request', id: 1, method: 'accounts.list', input: {} }]));
    expect(port.isStarted).toBe(true);
    reply({ type: 'response', id: 1, result: { ok: true, value: [] } });
    expect(await answer).toEqual({ ok: true, value: [] });
  });

  it('fails pending and later calls once the other end goes away', async () => {
    const { port, remoteCloses } = fakePort();
    const client = createApiClient(messagePortTransport(port));
    const pending = client.call('accounts.list', {});
    await vi.waitFor(() => expect(port.sent).toHaveLength(1));
    remoteCloses();
    expect(await pending).toEqual({ ok: false, error: { code: 'unavailable', message: 'The connection to Pieuvre closed.' } });
    expect(await client.call('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('closes the port when the client closes, failing what was pending', async () => {
    const { port } = fakePort();
    const client = createApiClient(messagePortTransport(port));
    const pending = client.call('accounts.list', {});
    client.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await vi.waitFor(() => expect(port.isClosed).toBe(true));
  });
});
