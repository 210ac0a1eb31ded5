import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { randomFor } from '../connectors/demo/demoRandom';
import { openDatabaseWithStatus } from '../store/database';
import { fuzzSeed } from '../testing/mutatePayload';

const CHILD = join(import.meta.dirname, '../testing/syncKillChild.ts');
const MAX_LIVES = 30;
const PAGES = 80;
const ITEMS_PER_PAGE = 25;

let dataDir: string;
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-sync-kill-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** One life of the child: killed `killAfterMs` after it is ready, unless it finished first. */
function life(killAfterMs: number): Promise<'done' | 'killed'> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(PAGES), String(ITEMS_PER_PAGE)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready') && !output.includes('done')) setTimeout(() => child.kill('SIGKILL'), killAfterMs).unref();
    });
    child.once('close', () => resolve(output.includes('done') ? 'done' : 'killed'));
  });
}

it('a core killed at random moments of its sync ends with every item once and its cursor at the end', async () => {
  const seed = fuzzSeed('sync kill');
  const random = randomFor(seed, 0, 0);
  let kills = 0;
  for (let lives = 0; lives < MAX_LIVES; lives++) {
    // The last lives are left alone, so the run always ends.
    const outcome = await life(lives < MAX_LIVES - 3 ? 20 + random.int(150) : 60_000);
    if (outcome === 'done') break;
    kills += 1;
  }
  console.log(`sync kill: ${kills} kills`);
  expect(kills).toBeGreaterThanOrEqual(2);
  const { db } = openDatabaseWithStatus(join(dataDir, 'pieuvre.db'));
  const ids = db.prepare<[], string>('SELECT external_id FROM messages ORDER BY seq').pluck().all();
  const cursor = db.prepare<[], string>("SELECT value FROM account_cursors WHERE name = 'page'").pluck().get();
  db.close();
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(PAGES * ITEMS_PER_PAGE);
  expect(cursor).toBe(String(PAGES));
}, 240_000);
