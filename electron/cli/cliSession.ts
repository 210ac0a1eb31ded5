import { createApiClient, throwingCall } from '../../shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { inProcessTransport } from '../core/api/inProcessTransport';
import { createCore, type Core } from '../core/core';
import { startDemoIfWanted } from '../core/utilityCore';
import { CommandFailure } from './cliErrors';
import { t } from './cliText';

/** The core running in this process for one command, and its API as the app's windows see it. */
export type CliSession = {
  core: Core;
  /** Calls a method; a refusal becomes a CommandFailure carrying the core's own message. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): Promise<void>;
};

/** How long a command waits, as it ends, for the team hub to take what it changed. */
const TEAM_PUSH_WAIT_MS = 10_000;

/**
 * A command that changed something (an assignment, an invitation) ends before the team sync's
 * next round: in a team, it hands its changes to the hub first. They stay queued, and go with
 * the next run, when the hub does not answer in time.
 */
async function pushTeamChanges(core: Core): Promise<void> {
  await core.teamHub.settled();
  const { state, pendingChanges } = core.teamHub.status();
  if (state !== 'connected' || pendingChanges === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, TEAM_PUSH_WAIT_MS)));
  await Promise.race([core.teamHub.syncNow().then(() => {}, () => {}), waited]);
  clearTimeout(timer);
}

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
    call: throwingCall(client, (method, error) => new CommandFailure(t('errors.refused', { method, message: error.message }))),
    async close() {
      await pushTeamChanges(core);
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
