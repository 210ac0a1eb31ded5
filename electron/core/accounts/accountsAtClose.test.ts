import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createCore } from '../core';
import { keyFileKeyProvider } from '../secrets/keyFileKeyProvider';
import { memoryLog } from '../testing/memoryLog';
import { ScriptedSyncPlatform } from '../testing/scriptedSyncPlatform';

let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** A core over a data folder holding one real account, on a platform this build has. */
function openCore(log = memoryLog().log) {
  return createCore({ dataDir, log, keyProviders: [keyFileKeyProvider(dataDir)], platforms: { factories: { bluesky: new ScriptedSyncPlatform('bluesky') }, signIns: {} } });
}

it('a core closed while its accounts open (its secrets being read) leaves them alone and logs no error', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-accounts-close-'));
  const first = openCore();
  first.context.db.exec("INSERT INTO accounts (id, platform, external_id, name, handle, is_demo, created_at, updated_at) VALUES ('bsky', 'bluesky', 'did:plc:brand', 'Brand', 'brand.test', 0, 0, 0)");
  await first.health.whenWritable();
  first.close();

  for (const wait of [0, 1, 5, 20]) {
    const { log, lines } = memoryLog();
    const core = openCore(log);
    // Closed while the accounts open in the background: at once, or while the secret store is read.
    await new Promise((resolve) => setTimeout(resolve, wait));
    core.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines.filter((line) => line.level === 'error'), `closed after ${wait} ms`).toEqual([]);
  }
});
