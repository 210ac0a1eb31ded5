import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { newId } from '../ids';
import { inTransaction } from './inTransaction';
import { roleNameSchema } from './hubInputs';
import { scramVerifier } from './scramVerifier';

/**
 * What the team's owner does on the hub, connected as the role that created its schema (it
 * needs CREATEROLE): workspaces, and one login role per teammate and workspace.
 */

const nameSchema = z.string().trim().min(1).max(200);

export async function createWorkspace(owner: pg.ClientBase, name: string): Promise<string> {
  const id = newId();
  await owner.query('INSERT INTO pieuvre.workspaces (id, name) VALUES ($1, $2)', [id, nameSchema.parse(name)]);
  return id;
}

/** The new teammate's role and password: what their invitation carries. */
export async function addMember(owner: pg.ClientBase, workspaceId: string, displayName: string): Promise<{ role: string; password: string }> {
  const id = z.uuid().parse(workspaceId);
  const name = nameSchema.parse(displayName);
  const role = `pieuvre_${randomBytes(8).toString('hex')}`;
  const password = randomBytes(24).toString('base64url');
  await inTransaction(owner, async () => {
    const { rows } = await owner.query<{ group: string }>('SELECT pieuvre.member_group() AS group');
    // Utility statements take no parameters: the role is ours (hex) and both are escaped.
    await owner.query(`CREATE ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(scramVerifier(password))} IN ROLE ${pg.escapeIdentifier(rows[0]?.group ?? '')}`);
    await owner.query('INSERT INTO pieuvre.members (workspace_id, role_name, display_name) VALUES ($1, $2, $3)', [id, role, name]);
  });
  return { role, password };
}

/**
 * The teammate can no longer log in, and a session still open sees nothing from now on (the
 * policies ask for a member not removed). The team key must be rotated too (teamKey.ts):
 * they held the old one.
 */
export async function removeMember(owner: pg.ClientBase, workspaceId: string, role: string): Promise<void> {
  const id = z.uuid().parse(workspaceId);
  const roleName = roleNameSchema.parse(role);
  await inTransaction(owner, async () => {
    const { rowCount } = await owner.query('UPDATE pieuvre.members SET removed_at = now() WHERE workspace_id = $1 AND role_name = $2 AND removed_at IS NULL', [id, roleName]);
    if (rowCount === 0) throw new Error(`${roleName} is not a current member of workspace ${id}.`);
    await owner.query(`ALTER ROLE ${pg.escapeIdentifier(roleName)} NOLOGIN`);
  });
}
