import { createApiClient, throwingCall, type ApiClient } from '../../../shared/api/client';
import type { MethodName, MethodOutput, MethodInput } from '../../../shared/api/contract';
import { inProcessTransport } from '../api/inProcessTransport';
import { createCore, type Core, type CoreOptions } from '../core';
import { T0 } from './itemBuilder';

export type TestCore = Core & {
  client: ApiClient;
  now: { value: number };
  /** Calls a method and returns its value, failing the test with the error if it is not ok. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
};

/**
 * A real core on an in-memory database (or the data folder given), driven through the in-process
 * transport. An internal error fails the test loudly, unless the test is about surviving one.
 */
const NO_PLATFORMS = { factories: {}, signIns: {} };

export function createTestCore(options: Pick<CoreOptions, 'log' | 'demo' | 'onInternalError' | 'keyProviders' | 'platforms' | 'sync' | 'outbox' | 'rules'> & { dataDir?: string; startAt?: number } = {}): TestCore {
  const { startAt = T0, dataDir = ':memory:', ...rest } = options;
  const now = { value: startAt };
  // No real platform unless the test brings one: its accounts are the test's to connect.
  const core = createCore({ onInternalError: (error) => { throw error; }, platforms: NO_PLATFORMS, ...rest, dataDir, clock: () => now.value });
  const client = createApiClient(inProcessTransport(core.server, core.events));
  return {
    ...core,
    client,
    now,
    call: throwingCall(client, (method, error) => new Error(`${method} failed: ${error.code}: ${error.message}`)),
  };
}
