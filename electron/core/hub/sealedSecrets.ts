import type pg from 'pg';
import { z } from 'zod';
import { sealedSecretSchema } from './hubInputs';
import { inTransaction } from './inTransaction';
import { open, seal, type SealedSecret, type TeamKey } from './teamKey';

type SealedRow = { name: string; key_version: number; nonce: Buffer; ciphertext: Buffer };
const toSealed = (row: SealedRow): SealedSecret => ({ name: row.name, keyVersion: row.key_version, nonce: row.nonce, ciphertext: row.ciphertext });

/**
 * Stores (or replaces) one sealed token of the workspace; an account withdrawn from the team
 * (withdrawnAccounts.ts) takes none until it is signed in again.
 */
export async function putSealedSecret(db: pg.Pool | pg.ClientBase, workspaceId: string, secret: SealedSecret): Promise<void> {
  const sealed = sealedSecretSchema.parse(secret);
  await db.query(
    `INSERT INTO pieuvre.sealed_secrets (workspace_id, name, key_version, nonce, ciphertext) SELECT $1::uuid, $2::text, $3::integer, $4::bytea, $5::bytea
      WHERE NOT EXISTS (SELECT FROM pieuvre.withdrawn_accounts withdrawn WHERE withdrawn.workspace_id = $1 AND $2 LIKE 'account:' || withdrawn.account_id || ':%')
     ON CONFLICT (workspace_id, name) DO UPDATE SET key_version = EXCLUDED.key_version, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext, updated_at = now()`,
    [workspaceId, sealed.name, sealed.keyVersion, sealed.nonce, sealed.ciphertext],
  );
}

/** Deletes sealed tokens of the workspace by name (filed under an id the account no longer goes by). */
export async function deleteSealedSecrets(db: pg.Pool, workspaceId: string, names: readonly string[]): Promise<number> {
  const checked = z.array(sealedSecretSchema.shape.name).parse(names);
  const { rowCount } = await db.query('DELETE FROM pieuvre.sealed_secrets WHERE workspace_id = $1 AND name = ANY($2::text[])', [workspaceId, checked]);
  return rowCount ?? 0;
}

export async function sealedSecrets(db: pg.ClientBase | pg.Pool, workspaceId: string, forUpdate = false): Promise<SealedSecret[]> {
  const { rows } = await db.query<SealedRow>(
    `SELECT name, key_version, nonce, ciphertext FROM pieuvre.sealed_secrets WHERE workspace_id = $1 ORDER BY name${forUpdate ? ' FOR UPDATE' : ''}`,
    [workspaceId],
  );
  return rows.map(toSealed);
}

/**
 * Re-seals every token of the workspace under `next`, all or none: after a teammate is removed,
 * the key they held opens nothing the hub keeps. A token that does not open with `current`
 * stops it, naming the token.
 */
export async function rotateSealedSecrets(db: pg.Pool, workspaceId: string, current: TeamKey, next: TeamKey): Promise<number> {
  const client = await db.connect();
  try {
    return await inTransaction(client, () => resealSecrets(client, workspaceId, current, next));
  } finally {
    client.release();
  }
}

/** rotateSealedSecrets' work, inside a transaction the caller holds (the owner's rotation adds envelopes to it). */
export async function resealSecrets(client: pg.ClientBase, workspaceId: string, current: TeamKey, next: TeamKey): Promise<number> {
  if (next.version <= current.version) throw new Error(`The new team key must have a version above ${current.version}; it has ${next.version}.`);
  const secrets = await sealedSecrets(client, workspaceId, true);
  for (const sealed of secrets) {
    const resealed = seal(next, sealed.name, open(current, sealed));
    await client.query('UPDATE pieuvre.sealed_secrets SET key_version = $3, nonce = $4, ciphertext = $5, updated_at = now() WHERE workspace_id = $1 AND name = $2', [
      workspaceId,
      sealed.name,
      resealed.keyVersion,
      resealed.nonce,
      resealed.ciphertext,
    ]);
  }
  return secrets.length;
}
