import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HoldingProxy } from './holdingProxy';

let server: Server;
let proxy: HoldingProxy;
const received: string[] = [];

beforeEach(async () => {
  received.length = 0;
  server = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`seen ${req.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy = await HoldingProxy.start(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterEach(async () => {
  await proxy.stop();
  await new Promise((resolve) => server.close(resolve));
});

describe('HoldingProxy', () => {
  it('forwards requests and answers unchanged', async () => {
    const response = await fetch(`${proxy.url}/a?b=1`, { method: 'POST', body: 'x' });
    expect(await response.text()).toBe('seen /a?b=1');
    expect(received).toEqual(['POST /a?b=1']);
  });

  it('holds the answer of a matching request: the server did it, the client never hears back', async () => {
    const held = proxy.holdNext((method, path) => method === 'POST' && path.startsWith('/post'));
    const client = new AbortController();
    const answer = fetch(`${proxy.url}/post`, { method: 'POST', body: 'x', signal: client.signal }).then(() => 'answered', () => 'cut');
    await held;
    expect(received).toEqual(['POST /post']);
    // Others still get through while one is held.
    expect(await (await fetch(`${proxy.url}/other`)).text()).toBe('seen /other');
    client.abort();
    expect(await answer).toBe('cut');
  });

  it('refuses connections while stopped, and serves again on the same address once started', async () => {
    const { url } = proxy;
    await proxy.stop();
    await expect(fetch(`${url}/a`)).rejects.toThrow();
    await proxy.start();
    expect(proxy.url).toBe(url);
    expect(await (await fetch(`${url}/a`)).text()).toBe('seen /a');
  });
});
