import { readFileSync } from 'node:fs';
import { text as readAll } from 'node:stream/consumers';
import { z } from 'zod';
import type { HubLease, HubStatus } from '../../../shared/api/hub';
import { CommandFailure, UsageError } from '../cliErrors';
import type { CliSession } from '../cliSession';
import { t } from '../cliText';
import { checked, type CommandArgs } from '../commandLine';
import type { Command, CommandOutput } from './command';
import { only } from './platformAccounts';

const USAGE = {
  create: 'team create URL [--workspace NAME] [--name MY_NAME] [--ca FILE]',
  invite: 'team invite NAME [--days N]',
  join: 'team join INVITATION|-',
  status: 'team status [--json]',
  remove: 'team remove NAME|ROLE',
  leave: 'team leave',
};

/** The usage lines with what each action does, in the command line's language. */
const usageLines = (): string[] => [
  USAGE.create,
  `${USAGE.invite}   (${t('usage.invite')})`,
  `${USAGE.join}   (${t('usage.join')})`,
  USAGE.status,
  `${USAGE.remove}   (${t('usage.remove')})`,
  `${USAGE.leave}   (${t('usage.leave')})`,
];

/** `team …`: this desktop's team workspace on a PostgreSQL hub (README, "Running a team hub"). */
export const teamCommand: Command = {
  usage: () => usageLines().join('\n  '),
  options: { workspace: { type: 'string' }, name: { type: 'string' }, ca: { type: 'string' }, days: { type: 'string' }, json: { type: 'boolean' } },
  async run(session, args) {
    const [action, ...rest] = args.positionals;
    if (action === 'create' && rest.length === 1) return create(session, args, rest[0] ?? '');
    if (action === 'invite' && rest.length === 1) return invite(session, args, rest[0] ?? '');
    if (action === 'join' && rest.length === 1) return join(session, args, rest[0] ?? '');
    if (action === 'status' && rest.length === 0) return status(session, args);
    if (action === 'remove' && rest.length === 1) return remove(session, args, rest[0] ?? '');
    if (action === 'leave' && rest.length === 0) return leave(session, args);
    throw new UsageError(t('errors.unknownAction', { command: 'team', action: args.positionals.join(' '), usage: usageLines().join(' | pieuvre ') }));
  },
};

async function create(session: CliSession, args: CommandArgs, url: string): Promise<CommandOutput> {
  only(args, ['workspace', 'name', 'ca'], USAGE.create);
  const me = (await session.call('team.list', {})).find((person) => person.isMe);
  const myName = typeof args.values.name === 'string' ? args.values.name : (me?.name.trim() || t('team.defaultMe'));
  const workspaceName = typeof args.values.workspace === 'string' ? args.values.workspace : t('team.defaultWorkspace');
  const caFile = args.values.ca;
  const serverCa = typeof caFile === 'string' ? readCa(caFile) : undefined;
  return shown(await session.call('hub.create', { url, workspaceName, myName, ...(serverCa === undefined ? {} : { serverCa }) }));
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CommandFailure(t('team.cannotReadCa', { path, message: error instanceof Error ? error.message : String(error) }));
  }
}

async function invite(session: CliSession, args: CommandArgs, name: string): Promise<CommandOutput> {
  only(args, ['days'], USAGE.invite);
  const expiresInDays = checked('--days', z.coerce.number().int().min(1).max(30).default(7), args.values.days);
  const made = await session.call('hub.invite', { name, expiresInDays });
  // Only the invitation on stdout: `pieuvre team invite Marc | ssh marc pieuvre team join -`.
  return { json: { invitation: made.invitation, expiresAt: new Date(made.expiresAt).toISOString() }, text: made.invitation };
}

async function join(session: CliSession, args: CommandArgs, given: string): Promise<CommandOutput> {
  only(args, [], USAGE.join);
  const invitation = given === '-' ? (await readAll(process.stdin)).trim() : given;
  if (!invitation) throw new CommandFailure(t('team.noInvitation'));
  return shown(await session.call('hub.join', { invitation }));
}

async function status(session: CliSession, args: CommandArgs): Promise<CommandOutput> {
  only(args, ['json'], USAGE.status);
  // The membership connects as the core starts: report after its first attempt, not before.
  await session.core.teamHub.settled();
  return shown(await session.call('hub.status', {}));
}

async function remove(session: CliSession, args: CommandArgs, who: string): Promise<CommandOutput> {
  only(args, [], USAGE.remove);
  await session.core.teamHub.settled();
  const { members } = await session.call('hub.status', {});
  const matches = members.filter((member) => member.removedAt === null && (member.role === who || member.name.toLocaleLowerCase() === who.toLocaleLowerCase()));
  if (matches.length !== 1) {
    const known = members.filter((member) => member.removedAt === null).map((member) => `${member.name} (${member.role})`).join(', ') || t('team.none');
    throw new CommandFailure(t(matches.length === 0 ? 'team.noSuchTeammate' : 'team.manyTeammates', { who, known }));
  }
  return shown(await session.call('hub.removeMember', { role: matches[0]?.role ?? '' }));
}

async function leave(session: CliSession, args: CommandArgs): Promise<CommandOutput> {
  only(args, [], USAGE.leave);
  await session.call('hub.leave', {});
  return { json: { state: 'local' }, text: t('team.left') };
}

const shown = (hub: HubStatus): CommandOutput => ({ json: hub, text: statusLines(hub).join('\n') });

const when = (at: number | null) => (at === null ? t('team.never') : new Date(at).toISOString());

const computerOf = (name: string | null) => (name === null ? t('team.aTeammatesComputer') : t('team.computerOf', { name }));
/** "me", "nobody", the teammate whose desktop polls the account, or whose desktop disconnected it for the team. */
function holderOf(lease: HubLease): string {
  if (lease.holder === 'withdrawn') return t('team.withdrawnOn', { computer: computerOf(lease.holderName) });
  if (lease.holder === 'me') return t('team.holderMe');
  if (lease.holder === 'nobody') return t('team.holderNobody');
  return lease.holderName === null ? t('team.aTeammate') : computerOf(lease.holderName);
}

function statusLines(hub: HubStatus): string[] {
  if (hub.state === 'local') return [t('team.local')];
  const members = hub.members.map((member) => `${member.name}${member.isMe ? t('team.meMark') : ''}${member.removedAt === null ? '' : t('team.removedMark')}`).join(', ');
  const lines = [
    `${hub.workspace?.name ?? '?'}  ${hub.state}${hub.isOwner ? t('team.owner') : ''}  ${hub.hubAddress ?? ''}`,
    t('team.me', { name: hub.me?.name ?? '?', role: hub.me?.role ?? '?' }),
    t('team.members', { members: members || t('team.unknownMembers') }),
    ...hub.leases.map((lease) => `${t('team.lease', { account: lease.accountName, holder: holderOf(lease) })}${lease.expiresAt === null ? '' : t('team.until', { at: when(lease.expiresAt) })}`),
    t('team.progress', { pending: hub.pendingChanges, lag: hub.cursorLag, at: when(hub.lastSyncAt) }),
  ];
  if (hub.problem) lines.push(t('team.problem', { code: hub.problem.code, message: hub.problem.message }));
  return lines;
}
