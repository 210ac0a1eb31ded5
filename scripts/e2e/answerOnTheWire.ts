import type { Page } from 'playwright-core';
import type { MethodName, MethodOutput } from '../../shared/api/contract';
import type { RequestMessage } from '../../shared/api/wire';

export type WireAnswers = { [M in MethodName]?: MethodOutput<M> };

/**
 * Answers some methods in place of the core, on the page's WebSocket: for views of states the
 * running core cannot reach yet (its accounts service lands apart). Every other request goes
 * to the real core (but those `neverAnswered`: a sign-in left waiting) and every event comes from it.
 */
export async function answerOnTheWire(page: Page, answers: WireAnswers, options: { neverAnswered?: MethodName[] } = {}): Promise<{ asked: unknown[] }> {
  /** What the page asked of the methods answered here, in order. */
  const asked: unknown[] = [];
  await page.routeWebSocket(/\/core\?/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((data) => {
      const request = JSON.parse(String(data)) as RequestMessage;
      if (options.neverAnswered?.some((method) => method === request.method)) return;
      if (!(request.method in answers)) return server.send(data);
      asked.push({ method: request.method, input: request.input });
      socket.send(JSON.stringify({ type: 'response', id: request.id, result: { ok: true, value: answers[request.method as MethodName] } }));
    });
  });
  return { asked };
}
