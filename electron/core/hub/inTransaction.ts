import type pg from 'pg';

/** Runs `work` in one transaction on this connection: committed whole, or rolled back and rethrown. */
export async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // On a connection that is gone, the rollback fails too: the first error is the one to tell.
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
