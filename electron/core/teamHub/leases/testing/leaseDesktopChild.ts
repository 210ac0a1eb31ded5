/**
 * One desktop of a team for the takeover test (leaseTakeover.test.ts), in its own process so it
 * can be killed with SIGKILL: a real core on DATA_DIR with the X platform at the origin given,
 * joined to the hub as PIEUVRE_TEST_DESKTOP says ({ member, teamKey: base64, keyVersion, xOrigin }),
 * its leases kept by a LeaseKeeper the account gate follows, as the team hub wires it.
 * Prints JSON lines: {"holds": [account ids]} whenever that changes. Reads JSON lines on stdin:
 * {"reply": {"conversationId", "text"}} queues a reply to go at once, printing {"queued": id}.
 */
import { createInterface } from 'node:readline';
import { createApiClient, throwingCall } from '../../../../../shared/api/client';
import { inProcessTransport } from '../../../api/inProcessTransport';
import { xPlatform } from '../../../connectors/x/xPlatform';
import { createCore } from '../../../core';
import { HubClient } from '../../../hub/hubClient';
import type { HubMember } from '../../../hub/hubInputs';
import { keyFileKeyProvider } from '../../../secrets/keyFileKeyProvider';
import { listAccounts } from '../../../store/accounts';
import { NO_ACCOUNT } from '../accountGate';
import { LeaseKeeper } from '../leaseKeeper';

const [dataDir = ''] = process.argv.slice(2);
const setup = JSON.parse(process.env.PIEUVRE_TEST_DESKTOP ?? '{}') as { member: HubMember; teamKey: string; keyVersion: number; xOrigin: string };
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const core = createCore({
  dataDir,
  keyProviders: [keyFileKeyProvider(dataDir)],
  platforms: { factories: { x: xPlatform.factory(setup.xOrigin) }, signIns: {} },
  // Passes start at once: the kill lands in a pass, not in a wait.
  sync: { random: () => 0 },
  onInternalError: (error) => say({ internalError: String(error) }),
});
// A member of a team: nothing is polled or sent, nor a teammate's send recovered, until the leases say so.
core.accountGate.follow(NO_ACCOUNT);
const client = await HubClient.connect(setup.member);
const keeper = new LeaseKeeper({
  db: core.context.db,
  client,
  clock: Date.now,
  log: core.log,
  secrets: core.secrets,
  teamKey: () => ({ version: setup.keyVersion, key: Buffer.from(setup.teamKey, 'base64') }),
  onChange: () => {
    core.accountGate.changed();
    say({ holds: listAccounts(core.context.db).filter((account) => keeper.holds(account.id)).map((account) => account.id) });
  },
  onSecretsAdopted: (accountId) => core.accounts.reconnectWithStoredSecret(accountId),
});
core.accountGate.follow(keeper);
keeper.start();

const call = throwingCall(createApiClient(inProcessTransport(core.server, core.events)));
for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { reply?: { conversationId: string; text: string } };
  if (command.reply) {
    await call('outbox.setUndoDelay', { undoSendMs: 0 });
    const queued = await call('outbox.send', { ...command.reply, idempotencyKey: `reply-${command.reply.conversationId}`, when: { kind: 'now' } });
    say({ queued: queued.id });
  }
}
