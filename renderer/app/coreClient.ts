import type { PieuvreBridge } from '../../shared/api/bridge';
import { createApiClient, type ApiClient, type ClientTransport } from '../../shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { ErrorCode, InputIssue } from '../../shared/api/result';
import { messagePortTransport, receiveCorePort } from '../../shared/api/messagePortTransport';
import { webSocketTransport } from '../../shared/api/webSocketTransport';

declare global {
  interface Window {
    /** The preload's bridge: present in the desktop app, absent in the browser harness. */
    pieuvre?: PieuvreBridge;
  }
}

/**
 * A failed call, with the core's error code for callers that care, a message for people, and
 * the finer `reason` key some failures carry (a refused sign-in) for the UI to explain in the person's language.
 */
export class CoreError extends Error {
  override name = 'CoreError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
    /** The fields an invalid input was refused for. */
    readonly issues: InputIssue[] = [],
  ) {
    super(message);
  }
}

let client: ApiClient | null = null;

/**
 * Connects to the core: in the desktop app over the MessagePort the shell hands over; in the
 * browser harness over a WebSocket beside the page at /core, with the run's token from the
 * page's URL fragment (never sent to a server).
 */
export function connectCore(): ApiClient {
  return setCoreClient(createApiClient(window.pieuvre ? messagePortTransport(receiveCorePort(window, window.pieuvre)) : harnessTransport()));
}

/** The client `call` goes through: the app's connection, or a store test's own transport. */
export function setCoreClient(next: ApiClient): ApiClient {
  client = next;
  return next;
}

function harnessTransport(): ClientTransport {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/core?token=${encodeURIComponent(token)}`;
  return webSocketTransport(new WebSocket(url));
}

export function coreClient(): ApiClient {
  if (!client) throw new Error('The core is not connected yet.');
  return client;
}

/** Calls the core; resolves with the value or rejects with a CoreError. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await coreClient().call(method, input);
  if (!result.ok) throw new CoreError(result.error.code, result.error.message, result.error.reason, result.error.issues);
  return result.value;
}
