import type pg from 'pg';

/**
 * A teammate as the hub knows them: their role, the name the owner gave, when removed, and
 * whether their desktop published its public key (the owner then seals the team key for it).
 */
export type WorkspaceMember = { role: string; name: string; addedAt: number; removedAt: number | null; hasPublicKey: boolean };

type MemberRow = { role_name: string; display_name: string; added_at: Date; removed_at: Date | null; has_public_key: boolean };

/**
 * The workspace's teammates, in the order they were added. Row-level security shows a role only
 * the workspaces it is a current member of: a removed teammate's role gets an empty list.
 */
export async function workspaceMembers(db: pg.Pool | pg.ClientBase, workspaceId: string): Promise<WorkspaceMember[]> {
  const { rows } = await db.query<MemberRow>(
    'SELECT role_name, display_name, added_at, removed_at, public_key IS NOT NULL AS has_public_key FROM pieuvre.members WHERE workspace_id = $1 ORDER BY added_at, role_name',
    [workspaceId],
  );
  return rows.map((row) => ({ role: row.role_name, name: row.display_name, addedAt: row.added_at.getTime(), removedAt: row.removed_at?.getTime() ?? null, hasPublicKey: row.has_public_key }));
}

/** The workspace's name, or null when this role may not see it. */
export async function workspaceName(db: pg.Pool | pg.ClientBase, workspaceId: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM pieuvre.workspaces WHERE id = $1', [workspaceId]);
  return rows[0]?.name ?? null;
}
