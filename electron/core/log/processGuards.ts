import type { Logger } from './logger';

type GuardedEvent = 'unhandledRejection' | 'uncaughtException';
type GuardListener = (reason: unknown, origin: string) => void;

/** The part of `process` the guards use; anything with `on`/`off` (an EventEmitter) in tests. */
export type ProcessLike = {
  on(event: GuardedEvent, listener: GuardListener): unknown;
  off(event: GuardedEvent, listener: GuardListener): unknown;
};

/**
 * Keeps a long-running process (the core, the browser harness) alive through a bug: an
 * unhandled rejection or an uncaught exception is logged with where it came from, and the
 * process goes on serving. Node's default ends the process, which ends the app and loses the
 * window state of everything still open. Returns the function that uninstalls the handlers.
 */
export function installProcessGuards(log: Logger, where: string, target: ProcessLike = process): () => void {
  const onRejection = (reason: unknown) => log.error('An unhandled promise rejection; carrying on.', { where, err: reason });
  const onException = (error: unknown, origin: string) => log.error('An uncaught exception; carrying on.', { where, origin, err: error });
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
