import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { makePrivateDir, PRIVATE_FILE_MODE } from './store/privateFiles';

/** Who holds a data folder: the desktop app's core, the browser harness or a `pieuvre` command. */
export type LockHolderKind = 'app' | 'harness' | 'cli';

export const LOCK_FILE = 'pieuvre.lock';

const holderSchema = z.object({ pid: z.number().int().positive(), kind: z.enum(['app', 'harness', 'cli']), host: z.string() });
type Holder = z.output<typeof holderSchema>;

const BUSY_MESSAGES: Record<LockHolderKind, string> = {
  app: 'Pieuvre is running with this data folder; quit it first.',
  harness: 'The browser harness (npm run dev:web) is running with this data folder; stop it first.',
  cli: 'Another pieuvre command is using this data folder; wait for it to finish.',
};

/** Another live process owns the data folder: two writers would each believe their view of it. */
export class DataFolderBusyError extends Error {
  constructor(readonly holder: LockHolderKind) {
    super(BUSY_MESSAGES[holder]);
    this.name = 'DataFolderBusyError';
  }
}

/**
 * Takes the data folder for this process until it exits (or the returned release is called).
 * A lock file naming its holder's pid, rather than proper-lockfile's refreshed mtime: a holder
 * killed with SIGKILL is seen as gone at once (its pid is dead), not after a staleness timeout,
 * and the refusal can say which kind of process holds the folder. The file is created with
 * O_EXCL, so of two processes starting together exactly one gets it. A holder on another machine
 * (a shared folder) cannot be checked and is always respected.
 */
export function lockDataFolder(dataDir: string, kind: LockHolderKind): () => void {
  makePrivateDir(dataDir);
  const path = join(dataDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, kind, host: hostname() };
  if (!tryCreate(path, me)) {
    const holder = readHolder(path);
    if (holder && isAlive(holder)) throw new DataFolderBusyError(holder.kind);
    // Stale (its process died without releasing): take it over.
    unlinkSync(path);
    if (!tryCreate(path, me)) throw new DataFolderBusyError(readHolder(path)?.kind ?? 'cli');
  }
  const release = () => {
    process.off('exit', release);
    if (readHolder(path)?.pid === me.pid) unlinkSync(path);
  };
  process.on('exit', release);
  return release;
}

function tryCreate(path: string, holder: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Null when missing or unreadable (a holder killed between creating the file and writing it). */
function readHolder(path: string): Holder | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
