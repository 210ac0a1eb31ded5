import type { z } from 'zod';
import type { HubProblem, HubStatus, hubContract, PresenceActivity } from '../../../shared/api/hub';
import { ApiFailure } from '../../../shared/api/result';
import type { CoreContext } from '../coreContext';
import { addMember, createWorkspace } from '../hub/hubAdmin';
import { HubClient } from '../hub/hubClient';
import { roleNameSchema, type HubMember } from '../hub/hubInputs';
import { migrateHub } from '../hub/hubMigrate';
import { decodeInvitation, encodeInvitation, InvitationError } from '../hub/invitation';
import { newTeamKey, type TeamKey } from '../hub/teamKey';
import { newId } from '../ids';
import { Secret } from '../secrets/secret';
import type { SecretStore } from '../secrets/secretStore';
import { DEFAULT_TIMING, HubConnection, type ConnectionTiming } from './hubConnection';
import { asOwner, checkedHubUrl, hubFailure, namesOf, removeAndRotate, withoutCredentials } from './hubOwner';
import { deleteHubSecrets, deskPrivateKey, readHubSecrets, saveHubSecrets, saveTeamKey } from './hubSecrets';
import { hubStatusOf, LOCAL_ONLY } from './hubStatus';
import { deleteMembership, hubMemberOf, markRemoved, readMembership, saveMembership, setKeyVersion, type Membership } from './membershipStore';
import type { TeamHub } from './teamHub';
import { forgetWorkspaceSync } from './sync/syncState';
import { adoptTeammateId, nameMeIfUnnamed } from './adoptTeammateId';
import { TeamKeyCourier } from './teamKeyCourier';
import { MEMBERSHIP_ONLY, type TeamParts } from './teamParts';

type InputOf<Name extends keyof typeof hubContract> = z.output<(typeof hubContract)[Name]['input']>;

export type TeamHubOptions = {
  secrets: () => Promise<SecretStore>;
  /** Adds a teammate to the local people when invited (TeamService.add: the duty timer hears of it). */
  /** Adds a teammate to `people`; their id. */
  addPerson(name: string): { id: string };
  /** Capture, sync, leases and presence; without them, the membership alone. */
  parts?: TeamParts;
  timing?: Partial<ConnectionTiming>;
};

const DAY_MS = 86_400_000;

/**
 * This desktop's membership of a team workspace on a PostgreSQL hub: creating one, inviting
 * and removing teammates (the owner), joining, leaving, and the connection while a member.
 * The row in hub_membership says which workspace; the password, the team key and the owner's
 * URL stay in the secret store.
 */
export class TeamHubService implements TeamHub {
  private connection: HubConnection | null = null;
  private teamKey: TeamKey | null = null;
  private starting: Promise<void> = Promise.resolve();
  private lastEmitted = '';
  private isClosed = false;
  /** Why the membership found at start could not connect at all (its secrets are unreadable). */
  private startProblem: HubProblem | null = null;
  private readonly parts: TeamParts;
  private readonly timing: ConnectionTiming;

  constructor(
    private readonly context: CoreContext,
    private readonly options: TeamHubOptions,
  ) {
    this.parts = options.parts ?? MEMBERSHIP_ONLY;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
  }

  /**
   * At core start, once the database takes writes (capture writes its queue): a membership not
   * removed connects, its secrets read first.
   */
  start(whenWritable: Promise<boolean> = Promise.resolve(true)): void {
    this.starting = whenWritable
      .then(async (isWritable) => {
        const membership = isWritable && !this.isClosed ? readMembership(this.context.db) : null;
        if (!membership || membership.removedAt !== null) return;
        const secrets = await readHubSecrets(await this.options.secrets());
        // The core closed while the secrets were read (a short command-line run).
        if (this.isClosed) return;
        this.teamKey = secrets.teamKey;
        await this.connect(membership, secrets.password.reveal()).firstAttempt;
      })
      .catch((error: unknown) => {
        if (this.isClosed) return;
        this.startProblem = { code: 'other', message: error instanceof Error ? error.message : String(error) };
        this.context.log.error('The team workspace’s secrets could not be read; the hub stays off.', { err: error });
        this.changed();
      });
  }

  /**
   * Resolves once the connection started at core start has tried the hub once and, if it got
   * through, its first sync round has ended: a status read between the round's push and its
   * pull reported the desktop's own changes as not yet received.
   */
  async settled(): Promise<void> {
    await this.starting;
    await this.connection?.sync?.roundEnded();
  }

  status(): HubStatus {
    const membership = readMembership(this.context.db);
    if (!membership) return LOCAL_ONLY;
    const status = hubStatusOf(membership, this.connection);
    return this.startProblem && !this.connection ? { ...status, state: 'offline', problem: this.startProblem } : status;
  }

  async create(input: InputOf<'hub.create'>): Promise<HubStatus> {
    this.refuseIfMember();
    const ownerUrl = checkedHubUrl(input.url);
    const serverCa = input.serverCa ?? null;
    const { workspaceId, role, password } = await asOwner(ownerUrl, serverCa, async (owner) => {
      await migrateHub(owner);
      const id = await createWorkspace(owner, input.workspaceName);
      return { workspaceId: id, ...(await addMember(owner, id, input.myName)) };
    });
    nameMeIfUnnamed(this.context.db, input.myName);
    const hubUrl = withoutCredentials(ownerUrl);
    const membership = this.membershipOf({ hubUrl, workspaceId, workspaceName: input.workspaceName, role, myName: input.myName, isOwner: true, serverCa });
    return this.begin(membership, { password, teamKey: newTeamKey(), ownerUrl });
  }

  async invite(input: InputOf<'hub.invite'>): Promise<{ invitation: string; expiresAt: number }> {
    const membership = this.ownMembership();
    // The key is read with the secrets as the core starts (a command run at once comes before).
    await this.starting;
    const teamKey = this.currentKey();
    const { ownerUrl } = await readHubSecrets(await this.options.secrets());
    if (!ownerUrl) throw new ApiFailure('conflict', 'This desktop has no owner connection for the hub: invitations are made on the desktop that created the workspace.', 'not_owner');
    const { role, password } = await asOwner(ownerUrl.reveal(), membership.serverCa, (owner) => addMember(owner, membership.workspaceId, input.name));
    const expiresAt = this.context.clock() + input.expiresInDays * DAY_MS;
    const personId = this.personFor(input.name);
    const invitation = encodeInvitation({
      personId,
      hubUrl: membership.hubUrl,
      workspaceId: membership.workspaceId,
      role,
      password,
      teamKey,
      ...(membership.serverCa === null ? {} : { serverCa: membership.serverCa }),
      expiresAt,
    });
    await this.connection?.probe();
    return { invitation, expiresAt };
  }

  async join(input: InputOf<'hub.join'>): Promise<HubStatus> {
    this.refuseIfMember();
    let invitation;
    try {
      invitation = decodeInvitation(input.invitation, this.context.clock());
    } catch (error) {
      if (error instanceof InvitationError) throw new ApiFailure('invalid_input', error.message, `invitation_${error.reason}`);
      throw error;
    }
    const member: HubMember = { url: invitation.hubUrl, role: invitation.role, password: invitation.password, workspaceId: invitation.workspaceId, desktopId: newId(), ...(invitation.serverCa ? { serverCa: invitation.serverCa } : {}) };
    const client = await HubClient.connect(member, { queryTimeoutMs: this.timing.queryTimeoutMs }).catch((error: unknown) => Promise.reject(hubFailure(error)));
    let names: { workspaceName: string; myName: string };
    try {
      names = await namesOf(client, invitation.role);
    } catch (error) {
      await client.close();
      throw hubFailure(error);
    }
    if (invitation.personId !== undefined) adoptTeammateId(this.context.db, invitation.personId, names.myName);
    const membership = this.membershipOf({ ...invitation, ...names, isOwner: false, serverCa: invitation.serverCa ?? null });
    return this.begin({ ...membership, desktopId: member.desktopId }, { password: invitation.password, teamKey: invitation.teamKey, ownerUrl: null }, client);
  }

  async removeMember(role: string): Promise<HubStatus> {
    const membership = this.ownMembership();
    const roleName = roleNameSchema.parse(role);
    if (roleName === membership.role) throw new ApiFailure('invalid_input', 'You cannot remove yourself: leave the workspace instead.', 'is_me');
    await this.starting;
    if (!this.connection?.client) throw new ApiFailure('unavailable', 'The hub is not connected: a teammate can be removed once it is.', 'unreachable');
    const { ownerUrl } = await readHubSecrets(await this.options.secrets());
    if (!ownerUrl) throw new ApiFailure('conflict', 'Only the desktop that created the workspace can remove teammates.', 'not_owner');
    await this.useTeamKey(await removeAndRotate(ownerUrl.reveal(), membership.serverCa, membership.workspaceId, roleName, this.currentKey()));
    await this.connection?.probe();
    return this.changed();
  }

  async leave(): Promise<HubStatus> {
    // A connection still starting would come up after the membership is gone.
    await this.starting;
    await this.stopConnection();
    this.startProblem = null;
    const { db } = this.context;
    db.transaction(() => {
      deleteMembership(db);
      forgetWorkspaceSync(db);
    })();
    await deleteHubSecrets(await this.options.secrets());
    this.teamKey = null;
    return this.changed();
  }

  async syncNow(): Promise<HubStatus> {
    const connection = this.connection;
    if (connection?.sync) await connection.sync.syncNow().catch((error: unknown) => Promise.reject(hubFailure(error)));
    await connection?.probe();
    return this.status();
  }

  announce(conversationId: string, activity: PresenceActivity | null): void {
    this.connection?.presence?.announce(conversationId, activity);
  }

  presence() {
    return this.connection?.presence?.list() ?? [];
  }

  async close(): Promise<void> {
    this.isClosed = true;
    await this.stopConnection();
  }

  private refuseIfMember(): void {
    const membership = readMembership(this.context.db);
    if (membership) throw new ApiFailure('conflict', `This desktop is already in the team workspace "${membership.workspaceName}": leave it first.`, 'already_member');
  }

  private ownMembership(): Membership {
    const membership = readMembership(this.context.db);
    if (!membership) throw new ApiFailure('conflict', 'This desktop is not in a team workspace.', 'not_member');
    if (!membership.isOwner) throw new ApiFailure('conflict', 'Only the teammate who created the workspace can invite or remove teammates.', 'not_owner');
    return membership;
  }

  /** A rotated key (made here, or opened from this desktop's envelope) replaces the one held. */
  private async useTeamKey(teamKey: TeamKey): Promise<void> {
    await saveTeamKey(await this.options.secrets(), teamKey);
    setKeyVersion(this.context.db, teamKey.version);
    this.teamKey = teamKey;
  }

  private currentKey(): TeamKey {
    if (!this.teamKey) throw new ApiFailure('unavailable', 'The team key is not loaded yet: try again in a moment.', 'other');
    return this.teamKey;
  }

  private membershipOf(fields: Pick<Membership, 'hubUrl' | 'workspaceId' | 'workspaceName' | 'role' | 'myName' | 'isOwner' | 'serverCa'>): Membership {
    return { ...fields, desktopId: newId(), keyVersion: 1, joinedAt: this.context.clock(), removedAt: null };
  }

  /** Stores a new membership and its secrets, queues the data already here for the team, connects. */
  private async begin(membership: Membership, secrets: { password: string; teamKey: TeamKey; ownerUrl: string | null }, client?: HubClient): Promise<HubStatus> {
    await saveHubSecrets(await this.options.secrets(), {
      password: new Secret(secrets.password),
      teamKey: secrets.teamKey,
      ownerUrl: secrets.ownerUrl === null ? null : new Secret(secrets.ownerUrl),
    });
    // This desktop's key pair, its public half published on the hub at the first check.
    await deskPrivateKey(await this.options.secrets());
    this.context.db.transaction(() => {
      saveMembership(this.context.db, { ...membership, keyVersion: secrets.teamKey.version });
      this.parts.captureSnapshot(this.context.db);
    })();
    this.teamKey = secrets.teamKey;
    const connection = this.connect(membership, secrets.password, client);
    await connection.firstAttempt;
    return this.changed();
  }

  private connect(membership: Membership, password: string, client?: HubClient): HubConnection {
    const connection = new HubConnection({
      context: this.context,
      parts: this.parts,
      secrets: this.options.secrets,
      member: hubMemberOf(membership, password),
      me: { role: membership.role, name: membership.myName },
      teamKey: () => this.currentKey(),
      keys: new TeamKeyCourier({
        membership,
        secrets: this.options.secrets,
        log: this.context.log,
        currentKey: () => this.currentKey(),
        onNewKey: (teamKey) => this.useTeamKey(teamKey),
      }),
      timing: this.timing,
      // Parts may still report while the core closes: the database is gone by then.
      onChange: () => {
        if (!this.isClosed) this.changed();
      },
      onRemoved: () => markRemoved(this.context.db, this.context.clock()),
    });
    this.connection = connection;
    connection.start(client);
    return connection;
  }

  private async stopConnection(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    await connection?.stop();
  }

  /** The teammate's person: the one of that name already here, or a new one. */
  private personFor(name: string): string {
    const wanted = name.trim().toLocaleLowerCase();
    const people = this.context.db.prepare<[], { id: string; name: string }>('SELECT id, name FROM people WHERE is_me = 0').all();
    return people.find((person) => person.name.trim().toLocaleLowerCase() === wanted)?.id ?? this.options.addPerson(name).id;
  }

  /** The status, told to the windows when it differs from what they last heard. */
  private changed(): HubStatus {
    const status = this.status();
    const text = JSON.stringify(status);
    if (text !== this.lastEmitted) {
      this.lastEmitted = text;
      this.context.events.emit('hub.status', status);
    }
    return status;
  }
}

/** The core session's team hub: a membership connects in the background once the database takes writes. */
export function createTeamHub(context: CoreContext, options: TeamHubOptions, whenWritable: Promise<boolean>): TeamHubService {
  const hub = new TeamHubService(context, options);
  hub.start(whenWritable);
  return hub;
}
