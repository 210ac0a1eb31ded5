import { ConnectorError, type Connector, type ReplyRequest, type SentReply } from '../../electron/core/connectors/connector';
import type { Kill } from './crashPlan';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type FlakyOptions = {
  random: () => number;
  /** Where this life is killed, if inside a platform call. */
  kill: Extract<Kill, { at: 'call' }> | null;
  /** The SIGKILL itself. */
  die: () => never;
  /** `findSent` sometimes fails and sometimes cannot tell, as on a platform whose thread cannot be read back. */
  isLookupUnsure: boolean;
};

/**
 * A platform on a bad day, around a real connector: some calls fail before reaching it (503,
 * 429 with Retry-After), some reach it and still time out, and every call takes a little while.
 * The planned kill lands inside the n-th call: before the platform takes it, or after.
 */
export function flaky(connector: Connector, options: FlakyOptions): Connector {
  let calls = 0;
  async function badDay<T>(call: () => Promise<T>): Promise<T> {
    calls += 1;
    const roll = options.random();
    await pause(2);
    if (options.kill?.call === calls) {
      if (options.kill.moment === 'after') await call();
      options.die();
    }
    if (roll < 0.05) throw new ConnectorError('503 Service Unavailable', 'transient');
    if (roll < 0.07) throw new ConnectorError('429 Too Many Requests', 'rate_limited', 20);
    const result = await call();
    await pause(1);
    if (roll < 0.1) throw new ConnectorError('ETIMEDOUT after the platform took it', 'transient');
    return result;
  }
  async function findSent(request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null | 'unknown'> {
    const roll = options.random();
    await pause(1);
    if (options.isLookupUnsure && roll < 0.2) throw new ConnectorError('Timed out reading the thread back', 'transient');
    if (options.isLookupUnsure && roll < 0.5) return 'unknown';
    return connector.findSent(request, signal);
  }
  return {
    platform: connector.platform,
    limits: connector.limits,
    idempotencyWindowMs: connector.idempotencyWindowMs,
    moderation: connector.moderation,
    sync: (request) => connector.sync(request),
    close: () => connector.close(),
    findSent,
    reply: (request, signal) => badDay(() => connector.reply(request, signal)),
    moderate: (request, signal) => badDay(() => connector.moderate(request, signal)),
  };
}
