import type { Page } from 'playwright-core';
import type { MethodName, MethodOutput } from '../../shared/api/contract';
import type { RequestMessage } from '../../shared/api/wire';

export type WireAnswers = { [M in MethodName]?: MethodOutput<M> };

/**
 * Answers some methods in place of the core, on the page's WebSocket: for views of states the
 * local servers cannot cause on demand (rate-limited, failing, a backfill mid-way). Every other
 * request goes to the real core and every event comes from it.
 */
export async function answerOnTheWire(page: Page, answers: WireAnswers): Promise<void> {
  await page.routeWebSocket(/\/core\?/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((data) => {
      const request = JSON.parse(String(data)) as RequestMessage;
      if (!(request.method in answers)) return server.send(data);
      socket.send(JSON.stringify({ type: 'response', id: request.id, result: { ok: true, value: answers[request.method as MethodName] } }));
    });
  });
}
