import type pg from 'pg';
import { z } from 'zod';
import { sealedSecretSchema } from './hubInputs';
import { inTransaction } from './inTransaction';
import { putSealedSecret } from './sealedSecrets';
import type { SealedSecret } from './teamKey';

/**
 * An account disconnected (or removed) on one desktop of the team leaves the hub: its sealed
 * tokens are deleted and its lease with them (whoever held it), and the withdrawal is kept so
 * that no other desktop puts its own copy back. Signing the account in again lifts it.
 */

/** A sealed secret's name is `account:<id>:<purpose>` (secretStore.ts); an id is a uuid, so no LIKE wildcard. */
const namesOf = (accountId: string) => `account:${accountId}:%`;

/** A transaction on a connection of the pool; one a statement failed on (timed out, say) is closed, not reused. */
async function onOneConnection<T>(db: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    const result = await inTransaction(client, () => work(client));
    client.release();
    return result;
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

/** Deletes the account's sealed tokens and its lease, and records the withdrawal; idempotent. Returns how many tokens went. */
export async function withdrawAccount(db: pg.Pool, workspaceId: string, accountId: string): Promise<number> {
  const id = z.uuid().parse(accountId);
  return onOneConnection(db, async (client) => {
    await client.query(
      `INSERT INTO pieuvre.withdrawn_accounts (workspace_id, account_id) VALUES ($1, $2)
       ON CONFLICT (workspace_id, account_id) DO UPDATE SET withdrawn_by_role = session_user, withdrawn_at = clock_timestamp()`,
      [workspaceId, id],
    );
    await client.query('DELETE FROM pieuvre.leases WHERE workspace_id = $1 AND account_id = $2', [workspaceId, id]);
    const { rowCount } = await client.query('DELETE FROM pieuvre.sealed_secrets WHERE workspace_id = $1 AND name LIKE $2', [workspaceId, namesOf(id)]);
    return rowCount ?? 0;
  });
}

/**
 * The accounts of the workspace withdrawn and not signed in again since, each with the name of
 * the teammate whose desktop withdrew it ("Disconnected on Julie's computer"; null if unknown).
 */
export async function withdrawnAccounts(db: pg.Pool, workspaceId: string): Promise<Map<string, string | null>> {
  const { rows } = await db.query<{ account_id: string; name: string | null }>(
    `SELECT w.account_id, m.display_name AS name FROM pieuvre.withdrawn_accounts w
     LEFT JOIN pieuvre.members m ON m.workspace_id = w.workspace_id AND m.role_name = w.withdrawn_by_role
     WHERE w.workspace_id = $1`,
    [workspaceId],
  );
  return new Map(rows.map((row) => [row.account_id, row.name]));
}

/**
 * The account was signed in again on this desktop: a withdrawal is lifted and its fresh tokens
 * put in the same transaction, so no teammate's older copy gets there first. Not withdrawn:
 * nothing changes (tokens are shared as usual, the lease holder's winning). True when lifted.
 */
export async function restoreAccount(db: pg.Pool, workspaceId: string, accountId: string, sealed: readonly SealedSecret[]): Promise<boolean> {
  const id = z.uuid().parse(accountId);
  const secrets = z.array(sealedSecretSchema).parse(sealed);
  const stray = secrets.find((secret) => !secret.name.startsWith(`account:${id}:`));
  if (stray) throw new Error(`The sealed secret ${stray.name} is not account ${id}'s.`);
  return onOneConnection(db, async (client) => {
    const { rowCount } = await client.query('DELETE FROM pieuvre.withdrawn_accounts WHERE workspace_id = $1 AND account_id = $2', [workspaceId, id]);
    if (rowCount === 0) return false;
    for (const secret of secrets) await putSealedSecret(client, workspaceId, secret);
    return true;
  });
}
