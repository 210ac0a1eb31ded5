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
    dedupesByKey: true,
    moderation: connector.moderation,
    poll: (cursor) => connector.poll(cursor),
    findSent: () => Promise.reject(new Error('This platform drops duplicates by key: the outbox should not have looked the reply up.')),
    async reply(request) {
      const already = await connector.findSent(request);
      if (already === null || already === 'unknown') return connector.reply(request);
      onDropped(request.idempotencyKey);
      return already;
    },
    moderate: (request) => connector.moderate(request),
  };
}
