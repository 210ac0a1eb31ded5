import { isAbsolute } from 'node:path';
import { serveOverPort, type PortLike } from './api/messagePortServer';
import { createCore, type Core } from './core';
import { keyProvidersFor } from './secrets/keyProviders';
import { shellKeyProvider } from './secrets/shellKeyProvider';
import { listAccounts } from './store/accounts';
import { isPortHandover, isSecretKeyHandover, type CoreFatal, type SecretKeyHandover } from './utilityMessages';

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

/** The secrets' key main posts first thing; the secrets wait for it. */
export function receiveSecretKey(parentPort: ParentPortLike): Promise<SecretKeyHandover> {
  return new Promise((resolve) => {
    parentPort.on('message', ({ data }) => {
      if (isSecretKeyHandover(data)) resolve(data);
    });
  });
}

/**
 * A new user sees a living inbox: with no account at all, or with the demo
 * workspace still there from an earlier run, the demo starts and its backlog comes in. Someone
 * who removed it and connected real accounts does not get it back.
 */
export async function startDemoIfWanted(core: Pick<Core, 'context' | 'demo'>): Promise<boolean> {
  const accounts = listAccounts(core.context.db);
  if (accounts.length > 0 && !accounts.some((account) => account.isDemo)) return false;
  core.demo.start();
  await core.demo.pollOnce();
  return true;
}

/**
 * Everything the core's utilityProcess does, with its surroundings injected. Windows are served
 * from the start; the promise settles once the demo's backlog (if any) is in. A core that cannot
 * start (a database from a newer Pieuvre, a damaged file) tells main why instead of just dying,
 * so the user gets the reason in a dialog; the promise then gives null.
 */
export async function runUtilityCore(parentPort: ParentPortLike, env: Readonly<Record<string, string | undefined>>): Promise<Core | null> {
  const secretKey = shellKeyProvider(receiveSecretKey(parentPort));
  let core: Core;
  try {
    const dataDir = dataDirFrom(env);
    core = createCore({ dataDir, keyProviders: keyProvidersFor(dataDir, secretKey), onInternalError: (error) => console.error('Pieuvre core:', error) });
  } catch (error) {
    parentPort.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    return null;
  }
  // parentPort queues what main sent while the database opened; nothing is lost by listening now.
  serveHandedPorts(parentPort, core);
  try {
    await startDemoIfWanted(core);
  } catch (error) {
    // The inbox still works without the demo: log it, keep serving.
    console.error('Pieuvre core: the demo workspace did not start:', error);
  }
  return core;
}
