/**
 * The service's calls to the hub outside its member connection: as the owner's role (create,
 * invite, remove), and a joiner's first look; and how their failures read.
 */
import pg from 'pg';
import { ApiFailure } from '../../../shared/api/result';
import { connectionConfig, hubUrlSchema } from '../hub/hubAddress';
import { removeMember } from '../hub/hubAdmin';
import type { HubClient } from '../hub/hubClient';
import { rotateTeamKey } from '../hub/keyEnvelopes';
import { newTeamKey, type TeamKey } from '../hub/teamKey';
import { hubProblemOf } from './hubProblem';

/**
 * What reaching the hub failed with, as an API failure: `reason` is the problem's code
 * (unreachable, refused_login, tls, schema_newer…) for the UI to word; the message stays English.
 */
export function hubFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  const problem = hubProblemOf(error);
  return new ApiFailure('unavailable', problem.message, problem.code);
}

/** A hub URL the person typed, or an invalid_input failure saying what is wrong with it. */
export function checkedHubUrl(url: string): string {
  const parsed = hubUrlSchema.safeParse(url);
  if (!parsed.success) throw new ApiFailure('invalid_input', parsed.error.issues.map((issue) => issue.message).join(' '), 'bad_url');
  return parsed.data;
}

/** The hub's address as teammates get it: the owner's URL without its role and password. */
export function withoutCredentials(url: string): string {
  const address = new URL(url);
  address.username = '';
  address.password = '';
  return address.toString();
}

/**
 * Runs `work` on one connection as the owner's role (it may create roles), closed afterwards;
 * failures to reach the hub become hubFailure's.
 */
export async function asOwner<T>(ownerUrl: string, serverCa: string | null, work: (owner: pg.Client) => Promise<T>): Promise<T> {
  let owner: pg.Client;
  try {
    owner = new pg.Client(connectionConfig(checkedHubUrl(ownerUrl), serverCa === null ? {} : { serverCa }));
  } catch (error) {
    throw error instanceof ApiFailure ? error : new ApiFailure('invalid_input', error instanceof Error ? error.message : String(error), 'bad_url');
  }
  // A connection the server drops between queries would otherwise end the process.
  owner.on('error', () => {});
  try {
    await owner.connect();
    return await work(owner);
  } catch (error) {
    throw hubFailure(error);
  } finally {
    await owner.end().catch(() => {});
  }
}

/** A joiner's workspace name and the name the creator gave their role, as the hub knows them. */
export async function namesOf(client: HubClient, role: string): Promise<{ workspaceName: string; myName: string }> {
  const [workspaceName, members] = await Promise.all([client.workspaceName(), client.members()]);
  const me = members.find((candidate) => candidate.role === role);
  if (workspaceName === null || !me) throw new ApiFailure('unavailable', 'The hub no longer counts this invitation’s role as a member: ask for a new invitation.', 'removed');
  return { workspaceName, myName: me.name };
}

/**
 * Removes a teammate as the owner's role, then rotates the team key they held: every token
 * re-sealed under the next version, which is sealed for each teammate who stays. Gives that key.
 */
export async function removeAndRotate(ownerUrl: string, serverCa: string | null, workspaceId: string, role: string, current: TeamKey): Promise<TeamKey> {
  const next = newTeamKey(current.version + 1);
  await asOwner(ownerUrl, serverCa, async (owner) => {
    await removeMember(owner, workspaceId, role);
    await rotateTeamKey(owner, workspaceId, current, next);
  });
  return next;
}
