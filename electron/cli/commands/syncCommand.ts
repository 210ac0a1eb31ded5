import { CommandFailure } from '../cliErrors';
import type { AccountState } from '../../../shared/api/accounts';
import type { CliSession } from '../cliSession';
import { t } from '../cliText';
import { expectPositionals, type Command } from './command';

/** In a team workspace: the changes made here go to the hub, and the team's come in; null when local-only. */
async function syncTeam(session: CliSession) {
  await session.core.teamHub.settled();
  if ((await session.call('hub.status', {})).state === 'local') return null;
  const { state, pendingChanges, cursorLag, lastSyncAt, problem } = await session.call('hub.syncNow', {});
  return { state, pendingChanges, cursorLag, lastSyncAt, problem };
}

/** Accounts a pass can run on: connected ones, whatever their last pass did. */
const SYNCABLE: ReadonlySet<AccountState> = new Set(['connected', 'syncing', 'rate_limited', 'offline', 'failing']);

export const syncCommand: Command = {
  usage: () => `sync [--account ID]   (${t('usage.sync')})`,
  options: { account: { type: 'string' } },
  async run(session, args) {
    expectPositionals(args, [], this.usage());
    const only = args.values.account;
    await session.core.teamHub.settled();
    const all = await session.call('accounts.list', {});
    const listed = all.filter((account) => (typeof only === 'string' ? account.id === only : !account.isDemo && SYNCABLE.has(account.state)));
    if (typeof only === 'string' && listed.length === 0) throw new CommandFailure(t('sync.noAccount', { id: only }));
    // In a team, an account is polled by the desktop holding its lease: not this one, maybe.
    const accounts = listed.filter((account) => session.core.accountGate.mayWork(account.id));
    const elsewhere = listed.filter((account) => !accounts.includes(account)).map((account) => account.id);
    const passes = [];
    for (const account of accounts) {
      const { id, inserted, duplicates, rejected } = await session.call('accounts.syncNow', { id: account.id });
      passes.push({ id, inserted, duplicates, rejected });
    }
    // A command's process ends with it: replies that were due (one a killed process left
    // half-sent, say) go out now, checked against the platform first, rather than wait for the app.
    await session.core.outbox.drain();
    const team = await syncTeam(session);
    // `accounts list` shows the demo's accounts as connected: say why none of them was synced.
    const isDemoOnly = all.length > 0 && all.every((account) => account.isDemo);
    const lines = passes.length === 0 && elsewhere.length === 0 ? [t(isDemoOnly ? 'sync.onlyDemo' : 'sync.noAccounts')] : passes.map(({ id, inserted, duplicates, rejected }) => t('sync.pass', { id, inserted, duplicates, rejected }));
    lines.push(...elsewhere.map((id) => t('sync.elsewhere', { id })));
    if (team) lines.push(`${t('sync.team', { state: team.state, pending: team.pendingChanges, lag: team.cursorLag })}${team.problem ? `  (${team.problem.message})` : ''}`);
    return { json: { accounts: passes, polledElsewhere: elsewhere, team }, text: lines.join('\n') };
  },
};
