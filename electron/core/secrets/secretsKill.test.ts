import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { randomFor } from '../connectors/demo/demoRandom';
import { SECRETS_FILE } from './encryptedFileSecretStore';
import { KEY_FILE } from './keyFileKeyProvider';
import { childResults, runSecretStoreChild, spawnSecretStoreChild } from './testing/runSecretStoreChild';

const ROUNDS = 4;
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-secrets-kill-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

it('a process killed mid-write never loses the store: it opens with the last value written or the one being written', { timeout: 60_000 }, async () => {
  const seed = Number(process.env.SECRETS_KILL_SEED ?? Date.now() % 1_000_000_000);
  console.log(`secrets kill test: seed ${seed} (replay with SECRETS_KILL_SEED=${seed})`);
  const random = randomFor(seed, 0, 0);
  for (let round = 0; round < ROUNDS; round++) {
    const before = await runSecretStoreChild([dataDir, 'get', 'counter']);
    const child = spawnSecretStoreChild([dataDir, 'count', 'counter']);
    const results = childResults(child);
    // Killed after a drawn number of writes, then a drawn moment into the next ones.
    const writesBeforeKill = 1 + random.int(40);
    await new Promise<void>((resolve) => {
      let lines = 0;
      child.stdout?.on('data', (chunk: Buffer) => {
        lines += chunk.toString().split('\n').length - 1;
        if (lines >= writesBeforeKill) setTimeout(resolve, random.int(5));
      });
    });
    child.kill('SIGKILL');
    const written = (await results).map((line) => line.written);
    const last = written.at(-1);
    const after = await runSecretStoreChild([dataDir, 'get', 'counter']);
    expect(written.length, `round ${round}: the child wrote before it was killed (seed ${seed})`).toBeGreaterThan(0);
    expect(readdirSync(dataDir).sort(), `round ${round}: a write cut short leaves no temporary file once the store is opened again`).toEqual([KEY_FILE, SECRETS_FILE]);
    expect([String(last), String(Number(last) + 1)], `round ${round}, seed ${seed}, stored before: ${JSON.stringify(before)}, opened after: ${JSON.stringify(after)}`).toContain(after.value);
  }
});
