import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { ModerationRequest, ReplyRequest, SentReply } from '../connector';

export type ReceivedReply = { request: ReplyRequest; sent: SentReply };
type LogLine = ReceivedReply | { moderation: ModerationRequest };

/**
 * What the demo "platform" has received. In memory for the demo workspace; in a file for the
 * crash test, where it must outlive the killed process exactly as a real platform outlives the app.
 */
export interface DemoReceivedLog {
  find(idempotencyKey: string): SentReply | undefined;
  record(received: ReceivedReply): void;
  all(): readonly ReceivedReply[];
  /** Moderation calls, in order, repeats included (they are idempotent on the platform). */
  recordModeration(request: ModerationRequest): void;
  moderations(): readonly ModerationRequest[];
}

export function memoryReceivedLog(): DemoReceivedLog {
  const received: ReceivedReply[] = [];
  const moderations: ModerationRequest[] = [];
  const byKey = new Map<string, SentReply>();
  return {
    find: (key) => byKey.get(key),
    record(entry) {
      received.push(entry);
      byKey.set(entry.request.idempotencyKey, entry.sent);
    },
    all: () => received,
    recordModeration: (request) => moderations.push(request),
    moderations: () => moderations,
  };
}

/** One JSON line per received reply or moderation call, appended before the call is acknowledged. */
export function fileReceivedLog(path: string): DemoReceivedLog {
  const log = memoryReceivedLog();
  for (const line of readLines(path)) {
    if ('moderation' in line) log.recordModeration(line.moderation);
    else log.record(line);
  }
  const append = (line: LogLine) => appendFileSync(path, `${JSON.stringify(line)}\n`);
  return {
    ...log,
    record(entry) {
      append(entry);
      log.record(entry);
    },
    recordModeration(request) {
      append({ moderation: request });
      log.recordModeration(request);
    },
  };
}

export function readReceivedLog(path: string): ReceivedReply[] {
  return readLines(path).flatMap((line) => ('moderation' in line ? [] : [line]));
}

export function readReceivedModerations(path: string): ModerationRequest[] {
  return readLines(path).flatMap((line) => ('moderation' in line ? [line.moderation] : []));
}

function readLines(path: string): LogLine[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogLine);
}
