import { createApiClient, throwingCall } from '../../shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { inProcessTransport } from '../core/api/inProcessTransport';
import { createCore, type Core } from '../core/core';
import { startDemoIfWanted } from '../core/utilityCore';
import { CommandFailure } from './cliErrors';

/** The core running in this process for one command, and its API as the app's windows see it. */
export type CliSession = {
  core: Core;
  /** Calls a method; a refusal becomes a CommandFailure carrying the core's own message. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): Promise<void>;
};

/**
 * Opens the data folder (taking its lock: see dataFolderLock.ts). A folder the command line
 * creates stays empty unless `--demo` asks for the demo workspace; a folder that already holds
 * the demo gets it running, so a reply to a demo conversation is sent as in the app.
 */
export async function openCliSession(dataDir: string, options: { demo: boolean }): Promise<CliSession> {
  const core = createCore({ dataDir, lockAs: 'cli' });
  const client = createApiClient(inProcessTransport(core.server, core.events));
  const session: CliSession = {
    core,
    call: throwingCall(client, (method, error) => new CommandFailure(`${method}: ${error.message}`)),
    async close() {
      core.close();
      await core.log.close();
    },
  };
  try {
    const hasDemo = (await session.call('accounts.list', {})).some((account) => account.isDemo);
    if (options.demo || hasDemo) await startDemoIfWanted(core);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}
