import type pg from 'pg';
import { z } from 'zod';
import { leaseSchema } from './hubInputs';

/**
 * Who polls a platform account and sends its replies, until `expiresAt` (the hub's clock).
 * `holderName`: the display name of the teammate whose desktop took it (null for a lease taken
 * before the hub stamped holders).
 */
export type Lease = { accountId: string; holderDesktopId: string; holderName: string | null; acquiredAt: number; expiresAt: number };
export type LeaseAnswer = { isHeld: true; lease: Lease } | { isHeld: false; heldBy: Lease };

type LeaseRow = { account_id: string; holder_desktop_id: string; holder_name: string | null; acquired_at: Date; expires_at: Date };
const toLease = (row: LeaseRow): Lease => ({
  accountId: row.account_id,
  holderDesktopId: row.holder_desktop_id,
  holderName: row.holder_name,
  acquiredAt: row.acquired_at.getTime(),
  expiresAt: row.expires_at.getTime(),
});
// The hub stamps the holder's role (hub migration 3); its name is the one the owner gave that teammate.
const LEASE_COLUMNS = `lease.account_id, lease.holder_desktop_id, lease.acquired_at, lease.expires_at,
  (SELECT member.display_name FROM pieuvre.members member WHERE member.workspace_id = lease.workspace_id AND member.role_name = lease.holder_role) AS holder_name`;

type Scope = { workspaceId: string; desktopId: string };

/**
 * Takes the account's lease when it is free, expired (its holder stopped heart-beating), or
 * already ours (then it is renewed). Expiry is judged by the hub's clock alone, so desktops
 * whose clocks disagree still agree on who holds it.
 */
export async function acquireLease(db: pg.Pool, scope: Scope, accountId: string, ttlMs: number): Promise<LeaseAnswer> {
  const input = leaseSchema.parse({ accountId, ttlMs });
  const { rows } = await db.query<LeaseRow>(
    `INSERT INTO pieuvre.leases AS lease (workspace_id, account_id, holder_desktop_id, acquired_at, heartbeat_at, expires_at)
     VALUES ($1, $2, $3, clock_timestamp(), clock_timestamp(), clock_timestamp() + $4 * interval '1 millisecond')
     ON CONFLICT (workspace_id, account_id) DO UPDATE
       SET holder_desktop_id = EXCLUDED.holder_desktop_id,
           acquired_at = CASE WHEN lease.holder_desktop_id = EXCLUDED.holder_desktop_id THEN lease.acquired_at ELSE EXCLUDED.acquired_at END,
           heartbeat_at = EXCLUDED.heartbeat_at,
           expires_at = EXCLUDED.expires_at
       WHERE lease.holder_desktop_id = EXCLUDED.holder_desktop_id OR lease.expires_at <= clock_timestamp()
     RETURNING ${LEASE_COLUMNS}`,
    [scope.workspaceId, input.accountId, scope.desktopId, input.ttlMs],
  );
  if (rows[0]) return { isHeld: true, lease: toLease(rows[0]) };
  const holder = await db.query<LeaseRow>(`SELECT ${LEASE_COLUMNS} FROM pieuvre.leases lease WHERE workspace_id = $1 AND account_id = $2`, [scope.workspaceId, input.accountId]);
  // Released between the two statements: try again.
  return holder.rows[0] ? { isHeld: false, heldBy: toLease(holder.rows[0]) } : acquireLease(db, scope, accountId, ttlMs);
}

/** The leases of the workspace that still run, by the hub's clock: who polls what, for the list. */
export async function currentLeases(db: pg.Pool, scope: Scope): Promise<Lease[]> {
  const { rows } = await db.query<LeaseRow>(`SELECT ${LEASE_COLUMNS} FROM pieuvre.leases lease WHERE workspace_id = $1 AND expires_at > clock_timestamp()`, [scope.workspaceId]);
  return rows.map(toLease);
}

/**
 * Extends our lease by `ttlMs`. False when it is no longer ours (it expired and another
 * desktop took it): stop polling and sending for that account.
 */
export async function heartbeat(db: pg.Pool, scope: Scope, accountId: string, ttlMs: number): Promise<boolean> {
  const input = leaseSchema.parse({ accountId, ttlMs });
  const { rowCount } = await db.query(
    `UPDATE pieuvre.leases SET heartbeat_at = clock_timestamp(), expires_at = clock_timestamp() + $4 * interval '1 millisecond'
      WHERE workspace_id = $1 AND account_id = $2 AND holder_desktop_id = $3 AND expires_at > clock_timestamp()`,
    [scope.workspaceId, input.accountId, scope.desktopId, input.ttlMs],
  );
  return rowCount === 1;
}

/** Gives the lease up at once (the desktop quits), if it is still ours. */
export async function releaseLease(db: pg.Pool, scope: Scope, accountId: string): Promise<void> {
  await db.query('DELETE FROM pieuvre.leases WHERE workspace_id = $1 AND account_id = $2 AND holder_desktop_id = $3', [scope.workspaceId, z.uuid().parse(accountId), scope.desktopId]);
}
