import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE, logFolderOf } from '../../electron/core/log/logFolder';

const CHILD = join(import.meta.dirname, 'guardedHarnessChild.ts');
let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the harness child to its end: its exit code and what it printed. */
function runChild(mode: 'guarded' | 'unguarded'): Promise<{ code: number | null; stdout: string }> {
  dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-guards-'));
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  child.stderr.resume();
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout })));
}

describe('the harness process (npm run dev:web)', () => {
  it('lives through an unhandled rejection and an uncaught exception, logs both, and keeps answering', async () => {
    const { code, stdout } = await runChild('guarded');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ openUnread: 0 });
    const lines = readFileSync(join(logFolderOf(dataDir), LOG_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'error', msg: 'An unhandled promise rejection; carrying on.', where: 'harness', err: expect.objectContaining({ type: 'Error', message: 'A rejected promise nobody awaited (access_token=[redacted]).' }) }),
        expect.objectContaining({ level: 'error', msg: 'An uncaught exception; carrying on.', where: 'harness', origin: 'uncaughtException', err: expect.objectContaining({ message: 'A timer that threw.' }) }),
      ]),
    );
  }, 30_000);

  it('dies of the first one without the guards, as Node does by default', async () => {
    const { code, stdout } = await runChild('unguarded');
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
  }, 30_000);
});
