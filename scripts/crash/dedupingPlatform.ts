import type { Connector } from '../../electron/core/connectors/connector';

/**
 * A platform that drops a repeated idempotency key (as Mastodon's Idempotency-Key header does):
 * a reply sent again answers with the one already there. The outbox must then simply send
 * again and never ask `findSent`, so asking fails the row, and the run with it.
 */
export function dedupingPlatform(connector: Connector, onDropped: (idempotencyKey: string) => void): Connector {
  return {
    platform: connector.platform,
    limits: connector.limits,
    idempotencyWindowMs: Infinity,
    moderation: connector.moderation,
    sync: (request) => connector.sync(request),
    close: () => connector.close(),
    findSent: () => Promise.reject(new Error('This platform drops duplicates by key: the outbox should not have looked the reply up.')),
    async reply(request, signal) {
      const already = await connector.findSent(request, signal);
      if (already === null || already === 'unknown') return connector.reply(request, signal);
      onDropped(request.idempotencyKey);
      return already;
    },
    moderate: (request, signal) => connector.moderate(request, signal),
  };
}
