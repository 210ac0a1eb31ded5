import type { HubMember } from '../hub/hubInputs';
import type { Db } from '../store/database';

/** This desktop's membership of a team workspace (migration 22's one row); no secrets here. */
export type Membership = {
  /** The hub's address without credentials. */
  hubUrl: string;
  workspaceId: string;
  workspaceName: string;
  role: string;
  myName: string;
  desktopId: string;
  isOwner: boolean;
  serverCa: string | null;
  keyVersion: number;
  joinedAt: number;
  /** When the hub refused this role because the owner removed it. */
  removedAt: number | null;
};

type MembershipRow = {
  hub_url: string;
  workspace_id: string;
  workspace_name: string;
  role: string;
  my_name: string;
  desktop_id: string;
  is_owner: number;
  server_ca: string | null;
  key_version: number;
  joined_at: number;
  removed_at: number | null;
};

const toMembership = (row: MembershipRow): Membership => ({
  hubUrl: row.hub_url,
  workspaceId: row.workspace_id,
  workspaceName: row.workspace_name,
  role: row.role,
  myName: row.my_name,
  desktopId: row.desktop_id,
  isOwner: row.is_owner === 1,
  serverCa: row.server_ca,
  keyVersion: row.key_version,
  joinedAt: row.joined_at,
  removedAt: row.removed_at,
});

export function readMembership(db: Db): Membership | null {
  const row = db.prepare<[], MembershipRow>('SELECT * FROM hub_membership WHERE id = 1').get();
  return row ? toMembership(row) : null;
}

export function saveMembership(db: Db, membership: Membership): void {
  db.prepare(
    `INSERT INTO hub_membership (id, hub_url, workspace_id, workspace_name, role, my_name, desktop_id, is_owner, server_ca, key_version, joined_at, removed_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    membership.hubUrl,
    membership.workspaceId,
    membership.workspaceName,
    membership.role,
    membership.myName,
    membership.desktopId,
    membership.isOwner ? 1 : 0,
    membership.serverCa,
    membership.keyVersion,
    membership.joinedAt,
    membership.removedAt,
  );
}

export function setKeyVersion(db: Db, version: number): void {
  db.prepare('UPDATE hub_membership SET key_version = ? WHERE id = 1').run(version);
}

export function markRemoved(db: Db, at: number): void {
  db.prepare('UPDATE hub_membership SET removed_at = ? WHERE id = 1 AND removed_at IS NULL').run(at);
}

export function deleteMembership(db: Db): void {
  db.prepare('DELETE FROM hub_membership WHERE id = 1').run();
}

/** How this membership reaches the hub, with the role's password from the secret store. */
export function hubMemberOf(membership: Membership, password: string): HubMember {
  return {
    url: membership.hubUrl,
    role: membership.role,
    password,
    workspaceId: membership.workspaceId,
    desktopId: membership.desktopId,
    ...(membership.serverCa === null ? {} : { serverCa: membership.serverCa }),
  };
}
