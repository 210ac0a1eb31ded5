import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from '../../../shared/api/contract';
import { ApiFailure, fail, ok, type Result } from '../../../shared/api/result';
import type { RequestMessage, ResponseMessage } from '../../../shared/api/wire';
import { describeIssues } from '../../../shared/api/describeIssues';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export type ApiServer = { handle(request: RequestMessage): Promise<ResponseMessage> };

/** Holds writes back while the database is not known good (databaseHealth.ts). */
export type WriteGate = {
  isRefusedWrite(error: unknown): boolean;
  /** Waits for the verdict: writes may go ahead, or never will, and why. */
  settle(): Promise<{ isWritable: true } | { isWritable: false; reason: string }>;
};

/**
 * Runs one request: the method must exist, its input must parse against the contract, and
 * whatever the handler does, the caller gets a Result, never an exception.
 */
export function createApiServer(handlers: Handlers, onInternalError: (error: unknown, method: MethodName) => void = () => {}, writeGate?: WriteGate): ApiServer {
  const failure = (method: MethodName, error: unknown): Result<never> => {
    if (error instanceof ApiFailure) return fail(error.code, error.message, error.reason);
    onInternalError(error, method);
    return fail('internal', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
  };
  const run = async (method: string, input: unknown): Promise<Result<unknown>> => {
    if (!isMethodName(method)) return fail('unknown_method', `There is no method "${method}".`);
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      return { ok: false, error: { code: 'invalid_input', message: `${method}: ${describeIssues(parsed.error)}`, issues } };
    }
    const handler = handlers[method] as (input: unknown) => unknown;
    try {
      return ok(await handler(parsed.data));
    } catch (error) {
      if (!writeGate?.isRefusedWrite(error)) return failure(method, error);
      // Every write fails while the gate is shut, so the refused call changed nothing: once
      // the database is known good it runs again, as if it had waited from the start.
      const verdict = await writeGate.settle();
      if (!verdict.isWritable) return fail('unavailable', `${method}: ${verdict.reason}`);
      try {
        return ok(await handler(parsed.data));
      } catch (again) {
        return failure(method, again);
      }
    }
  };
  return {
    async handle(request) {
      return { type: 'response', id: request.id, result: await run(request.method, request.input) };
    },
  };
}
