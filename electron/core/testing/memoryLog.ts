import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../log/logger';

export type LoggedLine = { level: string; msg: string } & Record<string, unknown>;

/**
 * The real logger (redaction and all) writing into memory, for tests that check what was logged;
 * lines written after it closed (the core closed, something still ran) are kept too, where the
 * real logger would send them to stderr.
 */
export function memoryLog(): { log: Logger; lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const collector = () =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean).map((line) => JSON.parse(line) as LoggedLine));
        done();
      },
    });
  return { log: createLogger(collector(), { afterClose: collector() }), lines };
}
