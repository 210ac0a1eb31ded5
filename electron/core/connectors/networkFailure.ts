import { ConnectorError } from './connector';

/** A call that never got an answer: the caller gave up, the timeout ran out, or the host cannot be reached. */
export function networkFailure(error: unknown, signal: AbortSignal, timeout: AbortSignal, origin: string): Error {
  // The caller gave up (the core closes, the account pauses): not the platform's fault.
  if (signal.aborted) return signal.reason instanceof Error ? signal.reason : new Error('Aborted.');
  if (timeout.aborted) return new ConnectorError(`${origin} did not answer in time.`, 'transient');
  const code = errorCode(error);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EAI_AGAIN') {
    return new ConnectorError(`${origin} cannot be reached (${code}).`, 'offline');
  }
  return new ConnectorError(`${origin}: the connection failed (${code ?? (error instanceof Error ? error.message : String(error))}).`, 'transient');
}

/** undici wraps the system error: `fetch failed` with the errno code on its cause. */
function errorCode(error: unknown): string | null {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return null;
}
