import type { ApiEvents, EventName } from './events';
import type { Result } from './result';

/** What travels over every transport (MessagePort, WebSocket, in-process). */
export type RequestMessage = { type: 'request'; id: number; method: string; input: unknown };
export type ResponseMessage = { type: 'response'; id: number; result: Result<unknown> };
export type EventMessage<E extends EventName = EventName> = { type: 'event'; name: E; payload: ApiEvents[E] };
export type ServerMessage = ResponseMessage | EventMessage;

/** Whether a message received by the core has the shape of a request (its input is checked later, per method). */
export const isRequestMessage = (value: unknown): value is RequestMessage =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'request' &&
  typeof (value as { id?: unknown }).id === 'number' && typeof (value as { method?: unknown }).method === 'string';
