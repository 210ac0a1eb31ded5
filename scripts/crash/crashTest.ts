/**
 * `npm run test:crash`: the outbox under SIGKILL. A child process runs the real core sending
 * replies through the demo connector; it is killed at random moments, several times, and
 * restarted until the outbox drains. The platform's record (a file the child appends to before
 * acknowledging a reply) must then hold every reply exactly once, and every thread's "report as
 * spam" at least once (moderation is idempotent there), its local effect applied exactly once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { readReceivedLog, readReceivedModerations } from '../../electron/core/connectors/demo/demoReceivedLog';
import { DATABASE_FILE } from '../../electron/core/core';

const REPLIES = 1_000;
const KILLS = 8;
const CHILD = fileURLToPath(new URL('./crashChild.ts', import.meta.url));

type Life = { outcome: 'killed' | 'drained'; wasReady: boolean; sentBefore: number; sentAfter: number };

/** When to kill: so long after the process starts (while it opens and queues) or after it is ready (while it sends). */
type Kill = { from: 'start' | 'ready'; afterMs: number } | null;

/** Runs one life of the core; kills it as planned, or lets it drain. */
function live(dataDir: string, receivedPath: string, kill: Kill): Promise<Life> {
  const sentBefore = readReceivedLog(receivedPath).length;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, receivedPath, String(REPLIES)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const killLater = (afterMs: number) => setTimeout(() => child.kill('SIGKILL'), afterMs);
    if (kill?.from === 'start') killLater(kill.afterMs);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const wasReady = output.includes('ready');
      output += chunk.toString();
      if (kill?.from === 'ready' && !wasReady && output.includes('ready')) killLater(kill.afterMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const sentAfter = readReceivedLog(receivedPath).length;
      const wasReady = output.includes('ready');
      if (output.includes('drained')) resolve({ outcome: 'drained', wasReady, sentBefore, sentAfter });
      else if (signal === 'SIGKILL') resolve({ outcome: 'killed', wasReady, sentBefore, sentAfter });
      else reject(new Error(`The core exited with ${code ?? signal} before draining its outbox.`));
    });
  });
}

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-crash-'));
  const receivedPath = join(dataDir, 'platform-received.jsonl');
  try {
    const lives: Life[] = [];
    // Kills spread over the run: the first ones while the core opens and queues, then in the middle of sends.
    while (lives.filter((life) => life.outcome === 'killed').length < KILLS) {
      const kill: Kill = lives.length < 3 ? { from: 'start', afterMs: 150 + Math.floor(Math.random() * 550) } : { from: 'ready', afterMs: Math.floor(Math.random() * 400) };
      const life = await live(dataDir, receivedPath, kill);
      lives.push(life);
      if (life.outcome === 'drained') break;
    }
    if (lives.at(-1)?.outcome !== 'drained') lives.push(await live(dataDir, receivedPath, null));
    const received = readReceivedLog(receivedPath);
    const perKey = new Map<string, number>();
    for (const { request } of received) perKey.set(request.idempotencyKey, (perKey.get(request.idempotencyKey) ?? 0) + 1);
    const expected = Array.from({ length: REPLIES }, (_, n) => `crash-reply-${n}`);
    const lost = expected.filter((key) => !perKey.has(key)).length;
    const duplicated = [...perKey.values()].reduce((sum, times) => sum + times - 1, 0);
    const kills = lives.filter((life) => life.outcome === 'killed');
    const midSend = kills.filter((life) => life.sentAfter > life.sentBefore).length;
    const beforeReady = kills.filter((life) => !life.wasReady).length;
    console.log(`crash: ${kills.length} kills (${beforeReady} while opening or queueing, ${midSend} while sending), ${lives.length} lives`);
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const notSent = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE state <> 'sent'").get()?.n ?? -1;
    const inThreads = db.prepare<[], { n: number }>("SELECT count(DISTINCT text) AS n FROM messages WHERE direction = 'out'").get()?.n ?? -1;
    const outbound = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM messages WHERE direction = 'out'").get()?.n ?? -1;
    const spam = db
      .prepare<[], { threads: number; spam: number; lines: number; linedThreads: number }>(
        `SELECT (SELECT count(*) FROM conversations) AS threads, (SELECT count(*) FROM conversations WHERE status = 'spam') AS spam,
           count(*) AS lines, count(DISTINCT subject_id) AS linedThreads FROM activity WHERE action = 'message.markedSpam'`,
      )
      .get();
    db.close();
    const reported = new Set(readReceivedModerations(receivedPath).map((request) => request.messageExternalId)).size;
    console.log(`crash: outbox rows not sent ${notSent}; replies in threads ${outbound} (${inThreads} distinct)`);
    console.log(`crash: sent ${perKey.size}, lost ${lost}, duplicated ${duplicated}`);
    console.log(`crash: reported as spam ${reported} of ${spam?.threads} threads; marked spam here ${spam?.spam}, history lines ${spam?.lines}`);
    const threadsRight = notSent === 0 && outbound === REPLIES && inThreads === REPLIES;
    const spamRight = spam !== undefined && reported === spam.threads && spam.spam === spam.threads && spam.lines === spam.threads && spam.linedThreads === spam.threads;
    return lost === 0 && duplicated === 0 && threadsRight && spamRight && kills.length >= 3 ? 0 : 1;
  } finally {
    if (process.env.KEEP_CRASH_DIR) console.log(dataDir); else rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
