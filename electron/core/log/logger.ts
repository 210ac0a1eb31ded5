import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pino } from 'pino';
import { redactForLog, scrubText } from './redact';

/** What happened around a log line: ids, counts, the error. Redacted before it is written. */
export type LogContext = Record<string, unknown>;

export type Logger = {
  error(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  /** Flushes and closes the destination (a no-op for one the logger does not own, such as stderr); safe to call twice, never rejects. */
  close(): Promise<void>;
};

/**
 * The core's logger: pino writing JSON lines (time, level, message, context) to `destination`.
 * Every line goes through the redaction layer first, so no caller can leak a body or a token by
 * passing the wrong object.
 */
export function createLogger(destination: Writable, { ownsDestination = true, afterClose = process.stderr as Writable } = {}): Logger {
  const jsonLines = (to: Writable) =>
    pino(
      {
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        // Errors arrive already serialised by the redaction layer; pino's own serialiser would retype them.
        serializers: { err: (value: unknown) => value },
      },
      to,
    );
  const log = jsonLines(destination);
  // A line written while the core shuts down (a last timer, a call ending) would hit a closed
  // file: it goes to the terminal instead, never lost and never an error.
  let late: ReturnType<typeof jsonLines> | null = null;
  const write = (level: 'error' | 'warn' | 'info') => (message: string, context: LogContext = {}) => {
    const to = closing === null ? log : (late ??= jsonLines(afterClose));
    to[level](redactForLog(context) as LogContext, scrubText(message));
  };
  let closing: Promise<void> | null = null;
  return {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    close() {
      // A destination that fails to close reports it through its own 'error' listener.
      const ended = () => Promise.all([once(destination, 'finish'), destination.end()]).then(() => undefined, () => undefined);
      closing ??= ownsDestination ? ended() : Promise.resolve();
      return closing;
    },
  };
}

/** Where a core without a data folder (tests, `:memory:`) logs: the terminal that started it. */
export const stderrLogger = (): Logger => createLogger(process.stderr, { ownsDestination: false });
