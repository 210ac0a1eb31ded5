import { ConnectorError, type Connector } from '../../electron/core/connectors/connector';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A platform on a bad day, around a real connector: some calls fail before reaching it (503,
 * 429 with Retry-After), some reach it and still time out, and every call takes a little while,
 * so a kill lands in the middle of sends as often as between them.
 */
export function flaky(connector: Connector, random: () => number): Connector {
  async function badDay<T>(call: () => Promise<T>): Promise<T> {
    const roll = random();
    await pause(2);
    if (roll < 0.05) throw new ConnectorError('503 Service Unavailable', 'transient');
    if (roll < 0.07) throw new ConnectorError('429 Too Many Requests', 'rate_limited', 20);
    const result = await call();
    await pause(1);
    if (roll < 0.1) throw new ConnectorError('ETIMEDOUT after the platform took it', 'transient');
    return result;
  }
  return {
    platform: connector.platform,
    limits: connector.limits,
    dedupesByKey: connector.dedupesByKey,
    moderation: connector.moderation,
    poll: (cursor) => connector.poll(cursor),
    findSent: async (request) => {
      await pause(1);
      return connector.findSent(request);
    },
    reply: (request) => badDay(() => connector.reply(request)),
    moderate: (request) => badDay(() => connector.moderate(request)),
  };
}
