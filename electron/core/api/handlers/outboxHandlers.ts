import type { Handlers } from '../apiServer';
import type { OutboxService } from '../../outbox/outboxService';

type OutboxMethods = Extract<keyof Handlers, `outbox.${string}`>;

export function outboxHandlers(outbox: OutboxService): Pick<Handlers, OutboxMethods> {
  return {
    'outbox.send': (request) => outbox.send(request),
    'outbox.list': (query) => outbox.list(query),
    'outbox.counts': () => outbox.counts(),
    'outbox.cancel': ({ id }) => outbox.cancel(id),
    'outbox.edit': ({ id, ...edit }) => outbox.edit(id, edit),
    'outbox.retry': ({ id }) => outbox.retry(id),
    'outbox.markSent': ({ id }) => outbox.markSent(id),
    'outbox.settings': () => outbox.settings(),
    'outbox.setUndoDelay': ({ undoSendMs }) => outbox.setUndoDelay(undoSendMs),
    'outbox.releaseHeld': ({ id }) => outbox.releaseHeld(id),
  };
}
