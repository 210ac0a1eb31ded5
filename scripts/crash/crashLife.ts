import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { readReceivedLog } from '../../electron/core/connectors/demo/demoReceivedLog';
import { DATABASE_FILE } from '../../electron/core/core';
import type { LifePlan } from './crashPlan';

const CHILD = fileURLToPath(new URL('./crashChild.ts', import.meta.url));

/**
 * How a life ended. `inFlight`: the rows the database holds as `sending` after the kill, each
 * a send claimed and not settled (whether the platform already had it: `platformHad`).
 * `needsCheckCounted`: what `outbox.counts` said was held for checking once drained.
 */
export type Life = { outcome: 'killed' | 'drained'; wasReady: boolean; inFlight: number; platformHad: number; needsCheckCounted: number | null };

/** Runs one life of the core to its planned kill, or until it drains. */
export function live(plan: LifePlan): Promise<Life> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const wasReady = output.includes('ready');
      const drained = /drained; needs-check counted (\d+)/.exec(output);
      if (drained) resolve({ outcome: 'drained', wasReady, inFlight: 0, platformHad: 0, needsCheckCounted: Number(drained[1]) });
      else if (signal === 'SIGKILL') resolve({ outcome: 'killed', wasReady, ...inFlightAfterKill(plan), needsCheckCounted: null });
      else reject(new Error(`The core exited with ${code ?? signal} before draining its outbox.`));
    });
  });
}

/** Read from what the kill left on disk, before the next life recovers it. */
function inFlightAfterKill(plan: LifePlan): { inFlight: number; platformHad: number } {
  const path = join(plan.dataDir, DATABASE_FILE);
  if (!existsSync(path)) return { inFlight: 0, platformHad: 0 };
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const keys = db.prepare<[], { key: string }>("SELECT idempotency_key AS key FROM outbox WHERE state = 'sending'").all().map((row) => row.key);
    const received = new Set(readReceivedLog(plan.receivedPath).map(({ request }) => request.idempotencyKey));
    return { inFlight: keys.length, platformHad: keys.filter((key) => received.has(key)).length };
  } finally {
    db.close();
  }
}
