import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../electron/core/dataFolderLock';
import { rawHandshake, rawRequest } from '../../electron/core/testing/rawWebSocket';
import { startHarness, type Harness } from './startHarness';

let folder: string;
let harness: Harness;
let port: number;
let token: string;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'pieuvre-harness-'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Pieuvre</title>');
  harness = await startHarness({ dataDir: folder, rendererDir: folder, startDemo: false });
  const url = new URL(harness.url);
  port = Number(url.port);
  token = url.hash.replace('#token=', '');
});
afterEach(async () => {
  await harness.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The status of a raw GET, sent as written (no client would send some of these paths). */
const get = async (path: string, host = `127.0.0.1:${port}`) => {
  const { status, socket } = await rawRequest(port, [`GET ${path} HTTP/1.1`, `Host: ${host}`, 'Connection: close']);
  socket.destroy();
  return status;
};

describe('the browser harness', () => {
  it('holds its data folder until it closes', async () => {
    expect(() => lockDataFolder(folder, 'cli')).toThrow('The browser harness (npm run dev:web) is running with this data folder; stop it first.');
    await harness.close();
    lockDataFolder(folder, 'cli')();
    harness = await startHarness({ dataDir: folder, rendererDir: folder, startDemo: false });
  });

  it('answers 400 to a path that does not decode, and keeps serving', async () => {
    expect(await get('/%E0%A4%A')).toBe(400);
    expect(await get('/%FF')).toBe(400);
    expect(await get('/')).toBe(200);
    expect(await get('/nothing-here.js')).toBe(404);
  });

  it('serves only requests addressed to 127.0.0.1 or localhost on its port (DNS rebinding)', async () => {
    expect(await get('/', `evil.example:${port}`)).toBe(403);
    expect(await get('/', `127.0.0.1:${port + 1}`)).toBe(403);
    expect(await get('/', '127.0.0.1')).toBe(403);
    expect(await get('/', `localhost:${port}`)).toBe(200);
  });

  it("lets only its own page open the core's WebSocket", async () => {
    const status = async (headers: Record<string, string>) => {
      const raw = await rawHandshake(port, `/core?token=${token}`, headers);
      raw.socket.destroy();
      return raw.status;
    };
    expect(await status({ Origin: 'https://evil.example' })).toBe(403);
    expect(await status({ Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` })).toBe(403);
    expect(await status({ Origin: `http://127.0.0.1:${port}` })).toBe(101);
  });
});
