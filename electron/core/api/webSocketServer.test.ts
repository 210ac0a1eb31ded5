import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, type ApiClient } from '../../../shared/api/client';
import { webSocketTransport } from '../../../shared/api/webSocketTransport';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { clientFrame, rawHandshake, serverCloseCode } from '../testing/rawWebSocket';
import { createTestCore, type TestCore } from '../testing/testCore';
import { startWebSocketServer, type RunningWebSocketServer } from './webSocketServer';

let core: TestCore;
let running: RunningWebSocketServer;
const clients: ApiClient[] = [];

beforeEach(async () => {
  core = createTestCore();
  running = await startWebSocketServer({ server: core.server, events: core.events });
});
afterEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  await running.close();
  core.close();
});

/** Node 22's standard WebSocket client: the same API the browser harness uses. */
const connect = (url: string) => {
  const client = createApiClient(webSocketTransport(new WebSocket(url)));
  clients.push(client);
  return client;
};

/** The HTTP status a WebSocket handshake gets (101 when it is accepted). */
const handshakeStatus = async (url: string, headers: Record<string, string> = {}) => {
  const { port, pathname, search } = new URL(url);
  const raw = await rawHandshake(Number(port), `${pathname}${search}`, headers);
  raw.socket.destroy();
  return raw.status;
};

describe('WebSocket transport', () => {
  it('listens on 127.0.0.1 only, with a fresh token per run', async () => {
    expect(running.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(running.boundAddress).toBe('127.0.0.1');
    const other = await startWebSocketServer({ server: core.server, events: core.events });
    expect(other.token).not.toBe(running.token);
    await other.close();
  });

  it('refuses a connection with a wrong token or none (HTTP 401)', async () => {
    expect(await handshakeStatus(`ws://127.0.0.1:${running.port}/?token=wrong`)).toBe(401);
    const sameLength = `${running.token[0] === 'A' ? 'B' : 'A'}${running.token.slice(1)}`;
    expect(await handshakeStatus(`ws://127.0.0.1:${running.port}/?token=${sameLength}`)).toBe(401);
    expect(await handshakeStatus(`ws://127.0.0.1:${running.port}/`)).toBe(401);
    expect(await handshakeStatus(running.url)).toBe(101);
    const refused = await connect(`ws://127.0.0.1:${running.port}/?token=${running.token.slice(1)}`).call('accounts.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('carries calls, validation errors and pushed events with the right token', async () => {
    const client = connect(running.url);
    const accountId = addAccount(core.context.db);
    expect(await client.call('accounts.list', {})).toMatchObject({ ok: true, value: [{ id: accountId, platform: 'facebook' }] });
    expect(await client.call('conversations.list', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const changed = new Promise<string[]>((resolve) => client.on('inbox.changed', (event) => resolve(event.conversationIds)));
    core.context.ingest({ accountId, source: 'test', items: [commentItem({ n: 1 })] });
    const [conversation] = (await core.call('conversations.list', {})).items;
    expect(await changed).toEqual([conversation?.id]);
  });

  it('refuses pages of other sites and rebound DNS names (HTTP 403), even with the token', async () => {
    const port = String(running.port);
    expect(await handshakeStatus(running.url, { Origin: 'https://evil.example' })).toBe(403);
    expect(await handshakeStatus(running.url, { Origin: 'null' })).toBe(403);
    expect(await handshakeStatus(running.url, { Origin: `http://127.0.0.1:${Number(port) + 1}` })).toBe(403);
    expect(await handshakeStatus(running.url, { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` })).toBe(403);
    expect(await handshakeStatus(running.url, { Host: `evil.example:${port}` })).toBe(403);
    expect(await handshakeStatus(running.url, { Origin: `http://127.0.0.1:${port}` })).toBe(101);
    expect(await handshakeStatus(running.url, { Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).toBe(101);
  });

  it.each([
    ['a frame over the size limit', clientFrame(0x1, Buffer.alloc(0), 9 * 1024 * 1024), 1009],
    ['a text frame that is not UTF-8', clientFrame(0x1, Buffer.from([0x7b, 0xc3, 0x28, 0x7d])), 1007],
  ])('closes only the socket that sends %s, and keeps serving', async (_name, frame, expectedCode) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bystander = connect(running.url);
    expect(await bystander.call('accounts.list', {})).toMatchObject({ ok: true });
    const raw = await rawHandshake(running.port, `/${new URL(running.url).search}`, {});
    expect(raw.status).toBe(101);
    raw.socket.write(frame);
    expect(await serverCloseCode(raw)).toBe(expectedCode);
    expect(await bystander.call('accounts.list', {})).toMatchObject({ ok: true });
    expect(await handshakeStatus(running.url)).toBe(101);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
