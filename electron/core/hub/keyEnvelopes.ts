import type pg from 'pg';
import { z } from 'zod';
import { inTransaction } from './inTransaction';
import { keyEnvelopeSchema, publicKeySchema, sealTeamKey, type KeyEnvelope } from './keyEnvelope';
import { resealSecrets } from './sealedSecrets';
import type { TeamKey } from './teamKey';

/**
 * The hub's side of key envelopes (hub migration 2): a member publishes its desktop's public
 * key and reads the envelopes sealed for it; the owner's role seals the team key for members.
 */

type EnvelopeRow = { role_name: string; key_version: number; ephemeral_public_key: Buffer; nonce: Buffer; ciphertext: Buffer };
const toEnvelope = (row: EnvelopeRow): KeyEnvelope => ({
  role: row.role_name,
  keyVersion: row.key_version,
  ephemeralPublicKey: row.ephemeral_public_key,
  nonce: row.nonce,
  ciphertext: row.ciphertext,
});

/** As a member: sets this role's public key (row-level security lets it set no other). */
export async function publishPublicKey(db: pg.Pool, workspaceId: string, publicKey: Buffer): Promise<void> {
  await db.query('UPDATE pieuvre.members SET public_key = $2 WHERE workspace_id = $1 AND role_name = session_user', [z.uuid().parse(workspaceId), publicKeySchema.parse(publicKey)]);
}

/** As a member: the newest envelope sealed for this role above `afterVersion`, if any. */
export async function newerEnvelope(db: pg.Pool, workspaceId: string, afterVersion: number): Promise<KeyEnvelope | null> {
  const { rows } = await db.query<EnvelopeRow>(
    `SELECT role_name, key_version, ephemeral_public_key, nonce, ciphertext FROM pieuvre.key_envelopes
      WHERE workspace_id = $1 AND role_name = session_user AND key_version > $2 ORDER BY key_version DESC LIMIT 1`,
    [z.uuid().parse(workspaceId), afterVersion],
  );
  return rows[0] ? toEnvelope(rows[0]) : null;
}

/**
 * As the owner: seals `teamKey` for each current member whose public key is published and who
 * has no envelope of that version yet (published after the rotation, or joined with an older
 * invitation). Returns how many were sealed. None for version 1: every invitation carries a
 * version at least that new.
 */
export async function sealPendingEnvelopes(owner: pg.ClientBase, workspaceId: string, teamKey: TeamKey): Promise<number> {
  if (teamKey.version === 1) return 0;
  const { rows } = await owner.query<{ role_name: string; public_key: Buffer }>(
    `SELECT m.role_name, m.public_key FROM pieuvre.members m
      WHERE m.workspace_id = $1 AND m.removed_at IS NULL AND m.public_key IS NOT NULL
        AND NOT EXISTS (SELECT FROM pieuvre.key_envelopes e WHERE e.workspace_id = m.workspace_id AND e.role_name = m.role_name AND e.key_version = $2)`,
    [z.uuid().parse(workspaceId), teamKey.version],
  );
  for (const row of rows) {
    const envelope = keyEnvelopeSchema.parse(sealTeamKey(teamKey, { workspaceId, role: row.role_name, publicKey: row.public_key }));
    await owner.query(
      `INSERT INTO pieuvre.key_envelopes (workspace_id, role_name, key_version, ephemeral_public_key, nonce, ciphertext) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING`,
      [workspaceId, envelope.role, envelope.keyVersion, envelope.ephemeralPublicKey, envelope.nonce, envelope.ciphertext],
    );
  }
  return rows.length;
}

/**
 * As the owner, after removing a teammate: every token re-sealed under `next` and `next` sealed
 * for each current member's desktop, in one transaction (the removed one is no longer current).
 * Returns how many members got an envelope.
 */
export async function rotateTeamKey(owner: pg.ClientBase, workspaceId: string, current: TeamKey, next: TeamKey): Promise<number> {
  return inTransaction(owner, async () => {
    await resealSecrets(owner, workspaceId, current, next);
    return sealPendingEnvelopes(owner, workspaceId, next);
  });
}
