import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderBusyError, LOCK_FILE, lockDataFolder } from './dataFolderLock';

let dataDir: string;
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-lock-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** A pid that was a live process a moment ago and is no more. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

describe('lockDataFolder', () => {
  it('lets one holder at a time have the folder, and the next after a release', () => {
    const release = lockDataFolder(dataDir, 'harness');
    expect(() => lockDataFolder(dataDir, 'cli')).toThrow(new DataFolderBusyError('harness'));
    release();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    lockDataFolder(dataDir, 'cli')();
  });

  it('says which kind of process holds the folder', () => {
    const release = lockDataFolder(dataDir, 'app');
    expect(() => lockDataFolder(dataDir, 'cli')).toThrow('Pieuvre is running with this data folder; quit it first.');
    release();
  });

  it('takes over a lock whose process died, or that was never fully written', () => {
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), kind: 'app', host: hostname() }));
    lockDataFolder(dataDir, 'cli')();
    writeFileSync(join(dataDir, LOCK_FILE), '');
    lockDataFolder(dataDir, 'cli')();
  });

  it('is taken over once its holder is killed with SIGKILL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'testing/holdDataFolder.ts'), dataDir, 'cli'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    expect(() => lockDataFolder(dataDir, 'app')).toThrow(DataFolderBusyError);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    lockDataFolder(dataDir, 'app')();
  });
});
