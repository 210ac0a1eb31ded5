/**
 * What every platform connector holding calls in flight shares: `close` (the account paused,
 * disconnected, or the core closing) ends them all, whatever signal each call came with.
 */
export abstract class ClosableConnector {
  private readonly closing = new AbortController();

  /** `closedMessage`: the reason a call ended by `close` fails with ("The X connector was closed."). */
  protected constructor(private readonly closedMessage: string) {}

  close(): void {
    this.closing.abort(new Error(this.closedMessage));
  }

  /** The caller's signal, ended as well when the connector closes. */
  protected signal(signal: AbortSignal): AbortSignal {
    return AbortSignal.any([signal, this.closing.signal]);
  }
}
