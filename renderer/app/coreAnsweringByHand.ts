import { createApiClient, type ClientTransport } from '../../shared/api/client';
import type { Result } from '../../shared/api/result';
import type { RequestMessage, ServerMessage } from '../../shared/api/wire';
import { setCoreClient } from './coreClient';

/**
 * For store tests: the core at the other end of the wire, answering when the test says, so a
 * call can still be on its way when the next one is made (as when a person acts faster than
 * the core answers).
 */
export function coreAnsweringByHand() {
  const requests: RequestMessage[] = [];
  let deliver: (message: ServerMessage) => void = () => undefined;
  const transport: ClientTransport = {
    send: (message) => void requests.push(message),
    onMessage: (listener) => (deliver = listener),
    onClose: () => undefined,
    close: () => undefined,
  };
  const client = setCoreClient(createApiClient(transport));
  return {
    client,
    requests,
    /** Answers the oldest waiting request to `method`, and returns what it was asked. */
    answer(method: string, result: Result<unknown>): unknown {
      const request = requests.find((candidate) => candidate.method === method);
      if (!request) throw new Error(`No ${method} request was made.`);
      requests.splice(requests.indexOf(request), 1);
      deliver({ type: 'response', id: request.id, result });
      return request.input;
    },
  };
}
