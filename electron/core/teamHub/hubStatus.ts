import type { HubStatus } from '../../../shared/api/hub';
import type { HubConnection } from './hubConnection';
import type { Membership } from './membershipStore';

export const LOCAL_ONLY: HubStatus = {
  state: 'local',
  workspace: null,
  hubAddress: null,
  isOwner: false,
  me: null,
  members: [],
  leases: [],
  pendingChanges: 0,
  cursorLag: 0,
  lastSyncAt: null,
  problem: null,
};

/** The hub's host, port and database: what the UI shows (the stored URL has no credentials already). */
export function displayAddress(hubUrl: string): string {
  const url = new URL(hubUrl);
  return `${url.host}${url.pathname}`;
}

/** The membership as the API tells it; `connection` is null when it is not running (removed). */
export function hubStatusOf(membership: Membership, connection: HubConnection | null): HubStatus {
  const stats = connection?.sync?.stats();
  const isRemoved = membership.removedAt !== null;
  return {
    state: isRemoved ? 'removed' : (connection?.state ?? 'connecting'),
    workspace: { id: membership.workspaceId, name: membership.workspaceName },
    hubAddress: displayAddress(membership.hubUrl),
    isOwner: membership.isOwner,
    me: { role: membership.role, name: membership.myName },
    members: (connection?.members ?? []).map((member) => ({ role: member.role, name: member.name, isMe: member.role === membership.role, removedAt: member.removedAt, addedAt: member.addedAt, hasJoined: member.hasPublicKey })),
    leases: connection?.leases?.leases() ?? [],
    pendingChanges: stats?.pendingChanges ?? 0,
    cursorLag: stats?.cursorLag ?? 0,
    lastSyncAt: stats?.lastSyncAt ?? null,
    problem: isRemoved ? (connection?.problem ?? { code: 'removed', message: "The team's owner removed you from the workspace; the local copy stays." }) : (connection?.problem ?? null),
  };
}
