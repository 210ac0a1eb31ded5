import { afterEach, beforeEach } from 'vitest';
import type { CoreOptions } from '../core';
import { addAccount, type commentItem } from './itemBuilder';
import { createTestCore, type TestCore } from './testCore';

/**
 * A fresh core with one Facebook account for each test, closed after it. Read `core` and
 * `accountId` inside tests (they change per test); `ingest` stores items for that account.
 */
export function useCoreWithAccount(options: Pick<CoreOptions, 'outbox' | 'rules'> = {}) {
  let current: { core: TestCore; accountId: string } | undefined;
  beforeEach(() => {
    const core = createTestCore(options);
    current = { core, accountId: addAccount(core.context.db) };
  });
  afterEach(() => current?.core.close());
  const get = () => {
    if (!current) throw new Error('useCoreWithAccount: read it inside a test.');
    return current;
  };
  return {
    get core() {
      return get().core;
    },
    get accountId() {
      return get().accountId;
    },
    ingest: (items: ReturnType<typeof commentItem>[]) => get().core.context.ingest({ accountId: get().accountId, source: 'test', items }),
  };
}
