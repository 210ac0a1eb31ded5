import { createApiClient, type ApiClient } from '../../shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/api/result';
import { webSocketTransport } from '../../shared/api/webSocketTransport';

/** A failed call, with the core's error code for callers that care and a message for people. */
export class CoreError extends Error {
  override name = 'CoreError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

let client: ApiClient | null = null;

/**
 * Connects to the core. In the browser harness the page's URL carries the run's token in its
 * fragment (never sent to a server) and the core listens beside the page at /core.
 */
export function connectCore(): ApiClient {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/core?token=${encodeURIComponent(token)}`;
  client = createApiClient(webSocketTransport(new WebSocket(url)));
  return client;
}

export function coreClient(): ApiClient {
  if (!client) throw new Error('The core is not connected yet.');
  return client;
}

/** Calls the core; resolves with the value or rejects with a CoreError. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await coreClient().call(method, input);
  if (!result.ok) throw new CoreError(result.error.code, result.error.message);
  return result.value;
}
