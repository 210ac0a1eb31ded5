import type { Page } from 'playwright-core';
import type { MethodName, MethodOutput } from '../../shared/api/contract';
import type { RequestMessage, ResponseMessage } from '../../shared/api/wire';

export type WireAnswers = { [M in MethodName]?: MethodOutput<M> };

/**
 * Answers some methods in place of the core, on the page's WebSocket: for views of states the
 * local servers cannot cause on demand (rate-limited, failing, a backfill mid-way). Every other
 * request goes to the real core and every event comes from it. `onRequest` sees every request
 * the page sends, answered here or not.
 */
export async function answerOnTheWire(page: Page, answers: WireAnswers, onRequest: (request: RequestMessage) => void = () => {}): Promise<void> {
  await page.routeWebSocket(/\/core\?/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((data) => {
      const request = JSON.parse(String(data)) as RequestMessage;
      onRequest(request);
      if (!(request.method in answers)) return server.send(data);
      socket.send(JSON.stringify({ type: 'response', id: request.id, result: { ok: true, value: answers[request.method as MethodName] } }));
    });
  });
}

/**
 * Lets the core's answers to some methods reach the page late, everything else on time: what a
 * person does meanwhile (a key pressed at once) meets a change still on its way.
 */
export async function answerLate(page: Page, methods: readonly MethodName[], delayMs: number): Promise<void> {
  await page.routeWebSocket(/\/core\?/, (socket) => {
    const server = socket.connectToServer();
    const late = new Set<number>();
    socket.onMessage((data) => {
      const request = JSON.parse(String(data)) as RequestMessage;
      if ((methods as readonly string[]).includes(request.method)) late.add(request.id);
      server.send(data);
    });
    server.onMessage((data) => {
      const message = JSON.parse(String(data)) as Partial<ResponseMessage>;
      if (message.type === 'response' && message.id !== undefined && late.delete(message.id)) setTimeout(() => socket.send(data), delayMs);
      else socket.send(data);
    });
  });
}

/**
 * Makes the core's answers to one method failures while `isFailing`, every other request
 * answered by the core: for what a view does when a read fails (the core busy, its database
 * locked), however many times it asks.
 */
export type WireFailure = { preparePage(page: Page): Promise<void>; isFailing: boolean };

export function failOnTheWire(method: MethodName, message: string): WireFailure {
  const failing: WireFailure = {
    isFailing: false,
    preparePage: (page) =>
      page.routeWebSocket(/\/core\?/, (socket) => {
        const server = socket.connectToServer();
        socket.onMessage((data) => {
          const request = JSON.parse(String(data)) as RequestMessage;
          if (request.method !== method || !failing.isFailing) return server.send(data);
          socket.send(JSON.stringify({ type: 'response', id: request.id, result: { ok: false, error: { code: 'internal', message } } }));
        });
      }),
  };
  return failing;
}
