import type { MethodInput, MethodName, MethodOutput } from './contract';
import type { ApiEvents, EventName } from './events';
import type { ApiError, Result } from './result';
import type { RequestMessage, ServerMessage } from './wire';

/** A transport moves messages; the client adds request ids, answers and event listeners. */
export type ClientTransport = {
  send(message: RequestMessage): void;
  onMessage(listener: (message: ServerMessage) => void): void;
  /** Called once when the transport can carry nothing more. */
  onClose(listener: (reason: string) => void): void;
  close(): void;
};

export type ApiClient = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Returns the function that unsubscribes. */
  on<E extends EventName>(name: E, listener: (payload: ApiEvents[E]) => void): () => void;
  close(): void;
};

export function createApiClient(transport: ClientTransport): ApiClient {
  let nextId = 1;
  let closedReason: string | null = null;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  transport.onMessage((message) => {
    if (message.type === 'response') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else {
      listeners.get(message.name)?.forEach((listener) => listener(message.payload as never));
    }
  });
  transport.onClose((reason) => {
    closedReason = reason;
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'unavailable', message: reason } });
    pending.clear();
  });

  return {
    call(method, input) {
      if (closedReason !== null) {
        return Promise.resolve({ ok: false, error: { code: 'unavailable', message: closedReason } });
      }
      const id = nextId++;
      return new Promise((resolve) => {
        // The server answers with the output type of `method`; the contract guarantees the pairing.
        pending.set(id, resolve as (result: Result<unknown>) => void);
        transport.send({ type: 'request', id, method, input });
      });
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    close: () => transport.close(),
  };
}

/** A call that gives the value, or throws: for callers with no Result to show (the command line, the harness, tests). */
export type ThrowingCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** `client.call`, with a refusal thrown as `toError` makes it (by default an Error naming the method and the core's message). */
export function throwingCall(client: ApiClient, toError: (method: MethodName, error: ApiError) => Error = (method, error) => new Error(`${method}: ${error.message}`)): ThrowingCall {
  return async (method, input) => {
    const result = await client.call(method, input);
    if (!result.ok) throw toError(method, result.error);
    return result.value;
  };
}
