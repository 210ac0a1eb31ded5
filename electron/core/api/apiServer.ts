import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from '../../../shared/api/contract';
import { ApiFailure, fail, ok, type Result } from '../../../shared/api/result';
import type { RequestMessage, ResponseMessage } from '../../../shared/api/wire';
import { describeIssues } from '../../../shared/api/describeIssues';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export type ApiServer = { handle(request: RequestMessage): Promise<ResponseMessage> };

/**
 * Runs one request: the method must exist, its input must parse against the contract, and
 * whatever the handler does, the caller gets a Result, never an exception.
 */
export function createApiServer(handlers: Handlers, onInternalError: (error: unknown, method: MethodName) => void = () => {}): ApiServer {
  const run = async (method: string, input: unknown): Promise<Result<unknown>> => {
    if (!isMethodName(method)) return fail('unknown_method', `There is no method "${method}".`);
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) return fail('invalid_input', `${method}: ${describeIssues(parsed.error)}`);
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof ApiFailure) return fail(error.code, error.message);
      onInternalError(error, method);
      return fail('internal', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    async handle(request) {
      return { type: 'response', id: request.id, result: await run(request.method, request.input) };
    },
  };
}
