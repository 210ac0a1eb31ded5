import { text as readAll } from 'node:stream/consumers';
import { z } from 'zod';
import type { AccountView } from '../../../shared/api/accounts';
import { CommandFailure, UsageError } from '../cliErrors';
import type { CliSession } from '../cliSession';
import { t } from '../cliText';
import { checked, type CommandArgs } from '../commandLine';
import type { Command, CommandOutput } from './command';
import { accountLine as line, accountSummary as summary, addRedditScript, addWithOAuth, budget, check, isOAuthPlatformWord, only, PLATFORM_ACCOUNT_USAGE, setApp } from './platformAccounts';

/** Each action's usage line, with what it reads from stdin or does, in the command line's language. */
const usageLines = (): string[] => [
  'accounts list',
  `accounts add bluesky --server URL --handle HANDLE   (${t('usage.stdinPassword')})`,
  'accounts add mastodon --server URL [--code CODE]',
  `${PLATFORM_ACCOUNT_USAGE.app}   (${t('usage.stdinSecret')})`,
  PLATFORM_ACCOUNT_USAGE.add,
  `${PLATFORM_ACCOUNT_USAGE.script}   (${t('usage.stdinScriptPassword')})`,
  'accounts remove ID [--delete-history]',
  `${PLATFORM_ACCOUNT_USAGE.check}   (${t('usage.readOnly')})`,
  PLATFORM_ACCOUNT_USAGE.budget,
];

const shown = (account: AccountView): CommandOutput => ({ json: summary(account), text: line(summary(account)) });

export const accountsCommand: Command = {
  usage: () => usageLines().join('\n  '),
  options: {
    server: { type: 'string' },
    handle: { type: 'string' },
    code: { type: 'string' },
    'delete-history': { type: 'boolean' },
    'client-id': { type: 'string' },
    'client-secret-stdin': { type: 'boolean' },
    'forget-secret': { type: 'boolean' },
    'code-stdin': { type: 'boolean' },
    script: { type: 'boolean' },
    username: { type: 'string' },
    usd: { type: 'string' },
    none: { type: 'boolean' },
  },
  async run(session, args) {
    const [action, ...rest] = args.positionals;
    if (action === 'list' && rest.length === 0) return list(session, args);
    if (action === 'add' && rest.length === 1 && rest[0] === 'bluesky') return addBluesky(session, args);
    if (action === 'add' && rest.length === 1 && rest[0] === 'mastodon') return addMastodon(session, args);
    if (action === 'add' && rest.length === 1 && rest[0] === 'reddit' && args.values.script === true) return addRedditScript(session, args);
    if (action === 'add' && rest.length === 1 && isOAuthPlatformWord(rest[0])) return addWithOAuth(session, args, rest[0]);
    if (action === 'app' && rest.length === 1 && isOAuthPlatformWord(rest[0])) return setApp(session, args, rest[0]);
    if (action === 'remove' && rest.length === 1) return remove(session, args, rest[0] ?? '');
    if (action === 'check' && rest.length === 1) return check(session, args, rest[0] ?? '');
    if (action === 'budget' && rest.length === 1) return budget(session, args, rest[0] ?? '');
    throw new UsageError(t('errors.unknownAction', { command: 'accounts', action: args.positionals.join(' '), usage: usageLines().join(' | pieuvre ') }));
  },
};

const required = (args: CommandArgs, name: string, usage: string): string => {
  const value = args.values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(t('errors.required', { name, usage }));
  return value;
};

async function list(session: CliSession, args: CommandArgs): Promise<CommandOutput> {
  only(args, [], 'accounts list');
  const accounts = (await session.call('accounts.list', {})).map(summary);
  return { json: accounts, text: accounts.length === 0 ? t('accounts.none') : accounts.map(line).join('\n') };
}

async function addBluesky(session: CliSession, args: CommandArgs): Promise<CommandOutput> {
  const usage = 'accounts add bluesky --server URL --handle HANDLE';
  only(args, ['server', 'handle'], usage);
  const server = checked('--server', z.url({ protocol: /^https?$/ }), required(args, 'server', usage));
  const identifier = required(args, 'handle', usage);
  const appPassword = (await readAll(process.stdin)).trim();
  if (!appPassword) throw new CommandFailure(t('accounts.noAppPassword'));
  return shown(await session.call('accounts.connectBluesky', { identifier, appPassword, server }));
}

async function addMastodon(session: CliSession, args: CommandArgs): Promise<CommandOutput> {
  const usage = 'accounts add mastodon --server URL [--code CODE]';
  only(args, ['server', 'code'], usage);
  const server = required(args, 'server', usage);
  const code = args.values.code;
  // The code a server showed at the out-of-band address an earlier run printed: that run's flow.
  if (typeof code === 'string') {
    // The code works once: a call the database refused during its start-up check runs again
    // (the API's write gate), and would find its flow already used. So wait for that check first.
    await session.core.health.whenWritable();
    return shown(await session.call('accounts.finishMastodonCode', { server, code }));
  }
  const pending = await session.call('accounts.startMastodon', { server });
  // On stderr: stdout keeps the one JSON document a script reads.
  process.stderr.write(`${t('accounts.openToSignIn', { url: pending.authorizeUrl })}\n`);
  process.stderr.write(`${t('accounts.noBrowser', { url: pending.outOfBandUrl })}\n`);
  return shown(await session.call('accounts.finishMastodon', { signInId: pending.signInId }));
}

async function remove(session: CliSession, args: CommandArgs, id: string): Promise<CommandOutput> {
  only(args, ['delete-history'], 'accounts remove ID [--delete-history]');
  const keepHistory = args.values['delete-history'] !== true;
  await session.call('accounts.disconnect', { id, keepHistory });
  return {
    json: { id, keptHistory: keepHistory },
    text: t(keepHistory ? 'accounts.disconnected' : 'accounts.removed', { id }),
  };
}
