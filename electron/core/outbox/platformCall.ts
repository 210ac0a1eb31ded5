import { ConnectorError } from '../connectors/connector';

/** How long a platform call may take unless the worker is told otherwise. */
export const DEFAULT_CALL_TIMEOUT_MS = 60_000;

/**
 * One platform call, abandoned once `timeoutMs` passes or `stop` aborts. A call cut short by the
 * timeout may still have been taken by the platform: it becomes a transient ConnectorError
 * (retried, maybe delivered). The call is raced against its signal, so a connector that ignores
 * the signal cannot hold its account's lane either.
 */
export async function callPlatform<T>(call: (signal: AbortSignal) => Promise<T>, limits: { timeoutMs: number; stop: AbortSignal }): Promise<T> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = AbortSignal.any([timeout, limits.stop]);
  signal.throwIfAborted();
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([call(signal), aborted]);
  } catch (error) {
    if (timeout.aborted) throw new ConnectorError(`The platform did not answer within ${Math.ceil(limits.timeoutMs / 1_000)} s.`, 'transient');
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
