import { createInterface } from 'node:readline';
import { text as readAll } from 'node:stream/consumers';
import { z } from 'zod';
import type { AccountCheck, AccountView } from '../../../shared/api/accounts';
import { OAUTH_PLATFORMS, type OAuthPlatform } from '../../../shared/domain/platform';
import { CommandFailure, EXIT_FAILURE, UsageError } from '../cliErrors';
import type { CliSession } from '../cliSession';
import { amount, t } from '../cliText';
import { checked, type CommandArgs } from '../commandLine';
import type { CommandOutput } from './command';

/** The wave-2 actions of `accounts`, each with its usage line. */
export const PLATFORM_ACCOUNT_USAGE = {
  app: `accounts app ${OAUTH_PLATFORMS.join('|')} --client-id ID [--client-secret-stdin | --forget-secret]`,
  add: `accounts add ${OAUTH_PLATFORMS.join('|')} [--code-stdin]`,
  script: 'accounts add reddit --script --username NAME',
  check: 'accounts check ID',
  budget: 'accounts budget ID --usd N | --none',
} as const;

/** What the command line shows of an account: `status` is the Accounts view's state. */
export const accountSummary = ({ id, platform, handle, state }: AccountView) => ({ id, platform, handle, status: state });
export const accountLine = (account: ReturnType<typeof accountSummary>) => `${account.id}  ${account.platform}  ${account.handle}  ${account.status}`;

export const isOAuthPlatformWord = (word: string | undefined): word is OAuthPlatform => (OAUTH_PLATFORMS as readonly (string | undefined)[]).includes(word);

/** Options another action takes are a mistake here, not something to ignore. */
export function only(args: CommandArgs, allowed: readonly string[], usage: string): void {
  const extra = Object.keys(args.values).filter((name) => !allowed.includes(name));
  if (extra.length > 0) throw new UsageError(t('errors.notWithThis', { name: extra[0] ?? '', usage }));
}

/** `accounts app PLATFORM`: the person's own app on the platform; its secret only ever from stdin (never in the shell's history). */
export async function setApp(session: CliSession, args: CommandArgs, platform: OAuthPlatform): Promise<CommandOutput> {
  const usage = PLATFORM_ACCOUNT_USAGE.app;
  only(args, ['client-id', 'client-secret-stdin', 'forget-secret'], usage);
  const clientId = args.values['client-id'];
  if (typeof clientId !== 'string' || clientId.trim() === '') throw new UsageError(t('errors.required', { name: 'client-id', usage }));
  if (args.values['client-secret-stdin'] === true && args.values['forget-secret'] === true) throw new UsageError(t('accounts.secretsTogether'));
  let clientSecret: string | null | undefined;
  if (args.values['forget-secret'] === true) clientSecret = null;
  if (args.values['client-secret-stdin'] === true) {
    clientSecret = (await readAll(process.stdin)).trim();
    if (!clientSecret) throw new CommandFailure(t('accounts.noSecret'));
  }
  const app = await session.call('accounts.setPlatformApp', { platform, clientId: clientId.trim(), ...(clientSecret === undefined ? {} : { clientSecret }) });
  const text = [
    t('accounts.appSet', { platform, clientId: app.clientId ?? '', secret: t(app.hasSecret ? 'accounts.secretStored' : 'accounts.secretNone') }),
    t('accounts.redirect', { uri: app.redirectUri }),
  ].join('\n');
  return { json: app, text };
}

/**
 * `accounts add PLATFORM`: prints the address to open and waits for the browser to come back to
 * this computer. `--code-stdin`: for a browser elsewhere, it reads the address the browser ended
 * on (or the code in it) from stdin instead, in this same run (the sign-in's proof lives here).
 */
export async function addWithOAuth(session: CliSession, args: CommandArgs, platform: OAuthPlatform): Promise<CommandOutput> {
  only(args, ['code-stdin'], PLATFORM_ACCOUNT_USAGE.add);
  const pending = await session.call('accounts.startOAuth', { platform });
  // On stderr: stdout keeps the one JSON document a script reads.
  process.stderr.write(`${t('accounts.openToSignIn', { url: pending.authorizeUrl })}\n`);
  let code: string | undefined;
  if (args.values['code-stdin'] === true) {
    process.stderr.write(`${t('accounts.pasteBack')}\n`);
    code = await firstLine();
    if (!code) {
      session.call('accounts.cancelSignIn', { signInId: pending.signInId }).catch(() => null);
      throw new CommandFailure(t('accounts.noCode'));
    }
  }
  const accounts = (await session.call('accounts.finishOAuth', { signInId: pending.signInId, ...(code === undefined ? {} : { code }) })).map(accountSummary);
  return { json: accounts, text: accounts.map(accountLine).join('\n') };
}

/**
 * `accounts add reddit --script`: Reddit's fallback for one's own account, with the script app
 * set by `accounts app reddit` (id and secret). The password comes on stdin, never in argv (where
 * `ps` and the shell's history would show it), and goes to Reddit once.
 */
export async function addRedditScript(session: CliSession, args: CommandArgs): Promise<CommandOutput> {
  const usage = PLATFORM_ACCOUNT_USAGE.script;
  only(args, ['script', 'username'], usage);
  const username = args.values.username;
  if (typeof username !== 'string' || username.trim() === '') throw new UsageError(t('errors.required', { name: 'username', usage }));
  const password = await firstLine();
  if (!password) throw new CommandFailure(t('accounts.noPassword'));
  const accounts = (await session.call('accounts.connectRedditScript', { username: username.trim(), password })).map(accountSummary);
  return { json: accounts, text: [...accounts.map(accountLine), t('accounts.scriptHour')].join('\n') };
}

async function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  try {
    for await (const line of lines) if (line.trim()) return line.trim();
    return '';
  } finally {
    lines.close();
  }
}

/** `accounts check ID`: the account checked live with read-only calls; exits 1 when a step failed. */
export async function check(session: CliSession, args: CommandArgs, id: string): Promise<CommandOutput> {
  only(args, [], PLATFORM_ACCOUNT_USAGE.check);
  // The check counts its calls in the database (YouTube's quota, X's cost) and says each step's
  // error as that step's failure: a write refused during the start-up check would read as a
  // failed step ("readonly database") instead of running again. So wait for that check first.
  await session.core.health.whenWritable();
  const result: AccountCheck = await session.call('accounts.check', { id });
  const lines = result.steps.map((step) => `${step.ok ? 'ok  ' : 'FAIL'}  ${step.step}: ${step.detail}`);
  return { json: result, text: [...lines, t(result.ok ? 'accounts.checkPassed' : 'accounts.checkFailed')].join('\n'), ...(result.ok ? {} : { code: EXIT_FAILURE }) };
}

/** `accounts budget ID`: the most the account may spend in a month (X), or no limit. */
export async function budget(session: CliSession, args: CommandArgs, id: string): Promise<CommandOutput> {
  const usage = PLATFORM_ACCOUNT_USAGE.budget;
  only(args, ['usd', 'none'], usage);
  const hasUsd = typeof args.values.usd === 'string';
  if (hasUsd === (args.values.none === true)) throw new UsageError(t('accounts.budgetEither', { usage }));
  const usd = hasUsd ? checked('--usd', z.coerce.number().min(0).max(100_000), args.values.usd) : null;
  const account = await session.call('accounts.setMonthlyBudget', { id, usd });
  return { json: { ...accountSummary(account), monthlyBudgetUsd: usd }, text: usd === null ? t('accounts.noBudget', { id }) : t('accounts.budget', { id, usd: amount(usd) }) };
}
