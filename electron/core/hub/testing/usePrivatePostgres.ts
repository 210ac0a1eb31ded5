import { afterAll, beforeAll } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from './privatePostgres';

/**
 * One private cluster for a test file (a cluster takes seconds to start; each test takes a
 * database of its own): started before the file's tests; after them the file's cleanups run,
 * last first, then the cluster stops.
 */
export function usePrivatePostgres(): { readonly cluster: PrivatePostgres; cleanups: (() => Promise<void> | void)[] } {
  let started: PrivatePostgres | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeAll(async () => {
    started = await startPrivatePostgres();
  }, 120_000);
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    started?.stop();
  });
  return {
    get cluster() {
      if (!started) throw new Error('The private PostgreSQL is not started yet: use it inside a test.');
      return started;
    },
    cleanups,
  };
}
