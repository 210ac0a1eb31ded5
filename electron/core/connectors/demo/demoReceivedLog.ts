import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { ReplyRequest, SentReply } from '../connector';

export type ReceivedReply = { request: ReplyRequest; sent: SentReply };

/**
 * What the demo "platform" has received. In memory for the demo workspace; in a file for the
 * crash test, where it must outlive the killed process exactly as a real platform outlives the app.
 */
export interface DemoReceivedLog {
  find(idempotencyKey: string): SentReply | undefined;
  record(received: ReceivedReply): void;
  all(): readonly ReceivedReply[];
}

export function memoryReceivedLog(): DemoReceivedLog {
  const received: ReceivedReply[] = [];
  const byKey = new Map<string, SentReply>();
  return {
    find: (key) => byKey.get(key),
    record(entry) {
      received.push(entry);
      byKey.set(entry.request.idempotencyKey, entry.sent);
    },
    all: () => received,
  };
}

/** One JSON line per received reply, appended before the reply is acknowledged. */
export function fileReceivedLog(path: string): DemoReceivedLog {
  const log = memoryReceivedLog();
  for (const entry of readReceivedLog(path)) log.record(entry);
  return {
    ...log,
    record(entry) {
      appendFileSync(path, `${JSON.stringify(entry)}\n`);
      log.record(entry);
    },
  };
}

export function readReceivedLog(path: string): ReceivedReply[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ReceivedReply);
}
