import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../core';
import { SQLITE_SIDE_FILES } from './privateFiles';

let parent: string;
let umask: number;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'pieuvre-modes-'));
  // The usual desktop umask: without care, SQLite's files would be readable by everyone.
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
  rmSync(parent, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('data folder and database files (POSIX modes)', () => {
  it('creates the folder 0700 and the database, its -wal and -shm 0600', () => {
    const dataDir = join(parent, 'Pieuvre');
    const core = createCore({ dataDir });
    const path = join(dataDir, DATABASE_FILE);
    const files = [path, ...SQLITE_SIDE_FILES.map((suffix) => path + suffix)];
    expect(files.every((file) => existsSync(file))).toBe(true);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(files.map(modeOf)).toEqual([0o600, 0o600, 0o600]);
    core.close();
  });

  it('makes an existing folder and files from an earlier version private', () => {
    const dataDir = join(parent, 'Pieuvre');
    createCore({ dataDir }).close();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, DATABASE_FILE), 0o644);
    const core = createCore({ dataDir });
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, DATABASE_FILE))).toBe(0o600);
    core.close();
  });
});
