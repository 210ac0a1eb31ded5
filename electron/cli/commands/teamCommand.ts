import { readFileSync } from 'node:fs';
import { text as readAll } from 'node:stream/consumers';
import { z } from 'zod';
import type { HubLease, HubStatus } from '../../../shared/api/hub';
import { CommandFailure, UsageError } from '../cliErrors';
import type { CliSession } from '../cliSession';
import { checked, type CommandArgs } from '../commandLine';
import type { Command, CommandOutput } from './command';
import { only } from './platformAccounts';

const USAGE = {
  create: 'team create URL [--workspace NAME] [--name MY_NAME] [--ca FILE]',
  invite: 'team invite NAME [--days N]   (prints the invitation only)',
  join: 'team join INVITATION|-   (- reads it from stdin)',
  status: 'team status [--json]',
  remove: 'team remove NAME|ROLE   (owner only; rotates the team key)',
  leave: 'team leave   (the local copy stays)',
};

/** `team …`: this desktop's team workspace on a PostgreSQL hub (README, "Running a team hub"). */
export const teamCommand: Command = {
  usage: Object.values(USAGE).join('\n  '),
  options: { workspace: { type: 'string' }, name: { type: 'string' }, ca: { type: 'string' }, days: { type: 'string' }, json: { type: 'boolean' } },
  async run(session, args) {
    const [action, ...rest] = args.positionals;
    if (action === 'create' && rest.length === 1) return create(session, args, rest[0] ?? '');
    if (action === 'invite' && rest.length === 1) return invite(session, args, rest[0] ?? '');
    if (action === 'join' && rest.length === 1) return join(session, args, rest[0] ?? '');
    if (action === 'status' && rest.length === 0) return status(session, args);
    if (action === 'remove' && rest.length === 1) return remove(session, args, rest[0] ?? '');
    if (action === 'leave' && rest.length === 0) return leave(session, args);
    throw new UsageError(`Unknown team action "${args.positionals.join(' ')}" (usage: pieuvre ${Object.values(USAGE).join(' | pieuvre ')}).`);
  },
};

async function create(session: CliSession, args: CommandArgs, url: string): Promise<CommandOutput> {
  only(args, ['workspace', 'name', 'ca'], USAGE.create);
  const me = (await session.call('team.list', {})).find((person) => person.isMe);
  const myName = typeof args.values.name === 'string' ? args.values.name : (me?.name.trim() || 'Me');
  const workspaceName = typeof args.values.workspace === 'string' ? args.values.workspace : 'Team';
  const caFile = args.values.ca;
  const serverCa = typeof caFile === 'string' ? readCa(caFile) : undefined;
  return shown(await session.call('hub.create', { url, workspaceName, myName, ...(serverCa === undefined ? {} : { serverCa }) }));
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CommandFailure(`Could not read the CA certificate ${path}: ${error instanceof Error ? error.message : String(error)}`);
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
  if (!invitation) throw new CommandFailure('No invitation: give it as the argument, or on stdin with "-".');
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
    const known = members.filter((member) => member.removedAt === null).map((member) => `${member.name} (${member.role})`).join(', ') || 'none';
    throw new CommandFailure(`${matches.length === 0 ? 'No' : 'More than one'} current teammate is "${who}"; teammates: ${known}. Give the role to be exact.`);
  }
  return shown(await session.call('hub.removeMember', { role: matches[0]?.role ?? '' }));
}

async function leave(session: CliSession, args: CommandArgs): Promise<CommandOutput> {
  only(args, [], USAGE.leave);
  await session.call('hub.leave', {});
  return { json: { state: 'local' }, text: 'Left the team workspace; this desktop keeps its local copy.' };
}

const shown = (hub: HubStatus): CommandOutput => ({ json: hub, text: statusLines(hub).join('\n') });

const when = (at: number | null) => (at === null ? 'never' : new Date(at).toISOString());

const whose = (name: string | null) => (name === null ? "a teammate's" : `${name}'s`);
/** "me", "nobody", the teammate whose desktop polls the account, or whose desktop disconnected it for the team. */
const holderOf = (lease: HubLease) =>
  lease.holder === 'withdrawn' ? `disconnected on ${whose(lease.holderName)} computer` : lease.holder !== 'teammate' ? lease.holder : lease.holderName === null ? 'a teammate' : `${whose(lease.holderName)} computer`;

function statusLines(hub: HubStatus): string[] {
  if (hub.state === 'local') return ['Local only: this desktop is in no team workspace.'];
  const lines = [
    `${hub.workspace?.name ?? '?'}  ${hub.state}${hub.isOwner ? '  (owner)' : ''}  ${hub.hubAddress ?? ''}`,
    `me: ${hub.me?.name ?? '?'} (${hub.me?.role ?? '?'})`,
    `members: ${hub.members.map((member) => `${member.name}${member.isMe ? ' (me)' : ''}${member.removedAt === null ? '' : ' (removed)'}`).join(', ') || 'unknown until connected'}`,
    ...hub.leases.map((lease) => `lease ${lease.accountName}: ${holderOf(lease)}${lease.expiresAt === null ? '' : ` until ${when(lease.expiresAt)}`}`),
    `pending changes: ${hub.pendingChanges}  behind the hub: ${hub.cursorLag}  last sync: ${when(hub.lastSyncAt)}`,
  ];
  if (hub.problem) lines.push(`problem (${hub.problem.code}): ${hub.problem.message}`);
  return lines;
}
