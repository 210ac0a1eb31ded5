import type { ApiEvents, EventName } from './events';
import type { Result } from './result';

/** What travels over every transport (MessagePort, WebSocket, in-process). */
export type RequestMessage = { type: 'request'; id: number; method: string; input: unknown };
export type ResponseMessage = { type: 'response'; id: number; result: Result<unknown> };
export type EventMessage<E extends EventName = EventName> = { type: 'event'; name: E; payload: ApiEvents[E] };
export type ServerMessage = ResponseMessage | EventMessage;
