import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngest } from '../ingest/ingest';
import { openDatabase, type Db } from '../store/database';
import { addAccount, commentItem, T0 } from '../testing/itemBuilder';
import { backupDatabase } from './backupDatabase';

const BATCH = 50;

let dir: string;
let db: Db;
let ingest: (from: number) => void;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pieuvre-backup-'));
  db = openDatabase(join(dir, 'pieuvre.db'));
  const accountId = addAccount(db);
  const run = createIngest(db, { clock: () => T0 });
  ingest = (from) => void run({ accountId, source: 'test', items: Array.from({ length: BATCH }, (_, i) => commentItem({ n: from + i, thread: `t-${(from + i) % 17}` })) });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const messageCount = (database: Database.Database) => database.prepare<[], number>('SELECT count(*) FROM messages').pluck().get() ?? 0;

describe('backupDatabase', () => {
  it('takes one consistent state while an ingest writes between its steps', async () => {
    for (let from = 0; from < 2_000; from += BATCH) ingest(from);
    const before = messageCount(db);
    let next = 100_000;
    let steps = 0;
    let isDone = false;
    const writer = (async () => {
      while (!isDone) {
        ingest(next);
        next += BATCH;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // Two pages a step: the copy takes many turns of the event loop, each with a batch landing.
    await backupDatabase(db, join(dir, 'copy.db'), { pagesPerStep: 2, onProgress: () => void (steps += 1) });
    isDone = true;
    await writer;
    const after = messageCount(db);
    expect(steps).toBeGreaterThan(10);
    expect(after - before).toBeGreaterThan(5 * BATCH);

    const copy = new Database(join(dir, 'copy.db'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const messages = messageCount(copy);
    // Whole batches only, and every count derived from the messages agrees with them.
    expect((messages - before) % BATCH).toBe(0);
    expect(messages).toBeGreaterThanOrEqual(before);
    expect(messages).toBeLessThanOrEqual(after);
    expect(copy.prepare('SELECT sum(message_count) AS n FROM conversations').get()).toEqual({ n: messages });
    expect(copy.prepare('SELECT count(*) AS n FROM message_search').get()).toEqual({ n: messages });
    expect(copy.prepare('SELECT sum(n) AS n FROM conversation_counts').get()).toEqual(copy.prepare('SELECT count(*) AS n FROM conversations').get());
    copy.close();
  });

  it('writes one owner-only file, in rollback-journal mode, and nothing beside it', async () => {
    ingest(0);
    await backupDatabase(db, join(dir, 'copy.db'));
    expect(readdirSync(dir).filter((name) => name.startsWith('copy'))).toEqual(['copy.db']);
    expect(statSync(join(dir, 'copy.db')).mode & 0o777).toBe(0o600);
    const copy = new Database(join(dir, 'copy.db'), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(messageCount(copy)).toBe(BATCH);
    copy.close();
  });
});
