import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readReceivedLog, readReceivedModerations } from '../../electron/core/connectors/demo/demoReceivedLog';
import { DATABASE_FILE } from '../../electron/core/core';
import { replyKey } from './crashPlan';

/** Each reply ends sent (here and on the platform, once), held for checking, or lost. */
export type Verdict = { sent: number; lost: number; duplicated: number; needsCheck: number; droppedByPlatform: number; problems: string[] };

type ReplyRow = { key: string; state: string; error: string | null };

/** What the platform and the database hold once the outbox has drained. */
export function verdict(dataDir: string, receivedPath: string, replies: number): Verdict {
  const perKey = new Map<string, number>();
  for (const { request } of readReceivedLog(receivedPath)) perKey.set(request.idempotencyKey, (perKey.get(request.idempotencyKey) ?? 0) + 1);
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const rows = new Map(
      db.prepare<[], ReplyRow>("SELECT idempotency_key AS key, state, last_error AS error FROM outbox WHERE kind = 'reply'").all().map((row) => [row.key, row]),
    );
    const keys = Array.from({ length: replies }, (_, n) => replyKey(n));
    const isSent = (key: string) => rows.get(key)?.state === 'sent' && perKey.has(key);
    const isHeld = (key: string) => rows.get(key)?.state === 'needs_check';
    const lostKeys = keys.filter((key) => !isSent(key) && !isHeld(key));
    const sent = keys.filter(isSent).length;
    const problems = lostKeys.slice(0, 3).map((key) => `${key} is ${rows.get(key)?.state ?? 'not queued'}${perKey.has(key) ? '' : ', not on the platform'}: ${rows.get(key)?.error ?? ''}`);
    problems.push(...threadProblems(db, sent), ...spamProblems(db, receivedPath));
    return {
      sent,
      lost: lostKeys.length,
      duplicated: [...perKey.values()].reduce((sum, times) => sum + times - 1, 0),
      needsCheck: keys.filter(isHeld).length,
      droppedByPlatform: existsSync(`${receivedPath}.dropped`) ? readFileSync(`${receivedPath}.dropped`, 'utf8').split('\n').filter(Boolean).length : 0,
      problems,
    };
  } finally {
    db.close();
  }
}

/** Each sent reply shows once in its thread; one held for checking not at all (it may not be there). */
function threadProblems(db: Database.Database, sent: number): string[] {
  const row = db.prepare<[], { outbound: number; texts: number }>("SELECT count(*) AS outbound, count(DISTINCT text) AS texts FROM messages WHERE direction = 'out'").get();
  return row?.outbound === sent && row.texts === sent ? [] : [`the threads show ${row?.outbound} replies (${row?.texts} distinct) for ${sent} sent`];
}

/** Every thread reported as spam on the platform at least once, marked here exactly once, one history line each. */
function spamProblems(db: Database.Database, receivedPath: string): string[] {
  const spam = db
    .prepare<[], { threads: number; spam: number; lines: number; linedThreads: number; unsent: number }>(
      `SELECT (SELECT count(*) FROM conversations) AS threads, (SELECT count(*) FROM conversations WHERE status = 'spam') AS spam,
         count(*) AS lines, count(DISTINCT subject_id) AS linedThreads,
         (SELECT count(*) FROM outbox WHERE kind = 'moderation' AND state <> 'sent') AS unsent
       FROM activity WHERE action = 'message.markedSpam'`,
    )
    .get();
  const reported = new Set(readReceivedModerations(receivedPath).map((request) => request.messageExternalId)).size;
  const isRight = spam !== undefined && spam.unsent === 0 && [reported, spam.spam, spam.lines, spam.linedThreads].every((n) => n === spam.threads);
  return isRight ? [] : [`spam: reported ${reported} of ${spam?.threads} threads, marked here ${spam?.spam}, history lines ${spam?.lines}, actions not sent ${spam?.unsent}`];
}
