import { isAbsolute } from 'node:path';
import { serveOverPort, type PortLike } from './api/messagePortServer';
import { createCore, type Core } from './core';
import { isDemoWanted } from './demo/isDemoWanted';
import { openLogFile } from './log/logFile';
import type { Logger } from './log/logger';
import { installProcessGuards, type ProcessLike } from './log/processGuards';
import { isPortHandover, isSecretKeyHandover, isSystemState, type CoreFatal, type SecretKeyHandover } from './utilityMessages';
import { keyProvidersFor } from './secrets/keyProviders';
import { shellKeyProvider } from './secrets/shellKeyProvider';

/** The part of Electron's `process.parentPort` (in a utilityProcess) the core uses. */
export type ParentPortLike = {
  on(event: 'message', listener: (event: { data: unknown; ports: readonly PortLike[] }) => void): unknown;
  postMessage(message: CoreFatal): void;
};

/** Main resolves the folder (PIEUVRE_DATA_DIR or userData) and passes it in the environment. */
export function dataDirFrom(env: Readonly<Record<string, string | undefined>>): string {
  const dataDir = env.PIEUVRE_DATA_DIR;
  if (!dataDir || !isAbsolute(dataDir)) {
    throw new Error(`The core needs an absolute PIEUVRE_DATA_DIR from the app (got ${JSON.stringify(dataDir ?? null)}).`);
  }
  return dataDir;
}

/** Serves the RPC on every port main hands over: one per window load, any number at once. */
export function serveHandedPorts(parentPort: ParentPortLike, core: Pick<Core, 'server' | 'events'>): void {
  parentPort.on('message', ({ data, ports }) => {
    const [port] = ports;
    if (isPortHandover(data) && port) serveOverPort(port, core.server, core.events);
  });
}

/**
 * Holds every account's sync while the computer sleeps or is offline, as main tells it
 * (utilityMessages.ts); awake, the rules due while it slept run now.
 */
export function followSystemState(parentPort: ParentPortLike, core: Pick<Core, 'sync' | 'ruleScheduler'>): void {
  parentPort.on('message', ({ data }) => {
    if (!isSystemState(data)) return;
    if (!data.isAsleep) core.ruleScheduler.wake();
    if (data.isAsleep) core.sync.hold('asleep');
    else if (!data.isOnline) core.sync.hold('offline');
    else core.sync.release();
  });
}

/** The secrets' key main posts first thing; the secrets wait for it. */
export function receiveSecretKey(parentPort: ParentPortLike): Promise<SecretKeyHandover> {
  return new Promise((resolve) => {
    parentPort.on('message', ({ data }) => {
      if (isSecretKeyHandover(data)) resolve(data);
    });
  });
}

/** Starts the demo when it is wanted (isDemoWanted) and waits for its backlog to come in. */
export async function startDemoIfWanted(core: Pick<Core, 'context' | 'demo' | 'health'>): Promise<boolean> {
  // The demo writes: not before the database is known good, never into a damaged one.
  if (!(await core.health.whenWritable())) return false;
  if (!isDemoWanted(core.context.db)) return false;
  core.demo.start();
  await core.demo.pollOnce();
  return true;
}

/**
 * Everything the core's utilityProcess does, with its surroundings injected. Windows are served
 * from the start; the promise settles once the demo's backlog (if any) is in. A core that cannot
 * start (a database from a newer Pieuvre, a file that is not Pieuvre's, one too damaged to open
 * or to upgrade) tells main why instead of just dying, so the user gets the reason in a dialog;
 * the promise then gives null. A file found damaged after it opened gets the app's own screen.
 * Given its `process`, it also keeps it alive through any unhandled rejection or uncaught
 * exception, logged.
 */
export async function runUtilityCore(
  parentPort: ParentPortLike,
  env: Readonly<Record<string, string | undefined>>,
  guarded?: ProcessLike,
): Promise<Core | null> {
  const secretKey = shellKeyProvider(receiveSecretKey(parentPort));
  let core: Core;
  let log: Logger | null = null;
  try {
    const dataDir = dataDirFrom(env);
    log = openLogFile(dataDir);
    if (guarded) installProcessGuards(log, 'core', guarded);
    core = createCore({ dataDir, log, keyProviders: keyProvidersFor(dataDir, secretKey), lockAs: 'app' });
  } catch (error) {
    log?.error('The core could not start.', { err: error });
    // Main ends this process on the fatal message: the reason is on disk first.
    await log?.close();
    parentPort.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    return null;
  }
  // parentPort queues what main sent while the database opened; nothing is lost by listening now.
  serveHandedPorts(parentPort, core);
  followSystemState(parentPort, core);
  try {
    await startDemoIfWanted(core);
  } catch (error) {
    // The inbox still works without the demo: log it, keep serving.
    core.log.error('The demo workspace did not start.', { err: error });
  }
  return core;
}
