import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../../electron/core/ids';

/**
 * What one history line costs a rule, by part: `tsx scripts/bench/historyLineBench.ts [rounds]`.
 * The JS side (its UUIDv7, its data as JSON), then the SQLite side: the same line written into a
 * history of 300,000 lines, in transactions of 1,750 (the bench's batches: 5,000 messages, 0.35
 * rule lines a message), with `activity`'s shape today and with narrower shapes a migration could
 * give it. CPU µs a line, its insert and its share of the commits apart, each round's figure;
 * the shapes run in turns, so a loaded machine hits them alike. Each line's conversation is picked all over 200,000 (a reply to
 * an old thread), the costly case: lines on recent conversations share index pages.
 */
const rounds = Number(process.argv[2] ?? 3);
const EXISTING = 300_000;
const LINES = 50_000;
const BATCH = 1_750;
const CONVERSATIONS = 200_000;

const COLUMNS = 'at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject_type TEXT NOT NULL';
const SHAPES = {
  today: `CREATE TABLE activity (id TEXT PRIMARY KEY NOT NULL, ${COLUMNS}, subject_id TEXT NOT NULL, data TEXT NOT NULL) STRICT;
    CREATE INDEX activity_by_subject ON activity (subject_id, at); CREATE INDEX activity_by_action ON activity (action, at);`,
  withoutActionIndex: `CREATE TABLE activity (id TEXT PRIMARY KEY NOT NULL, ${COLUMNS}, subject_id TEXT NOT NULL, data TEXT NOT NULL) STRICT;
    CREATE INDEX activity_by_subject ON activity (subject_id, at);`,
  withoutTextKey: `CREATE TABLE activity (${COLUMNS}, subject_id TEXT NOT NULL, data TEXT NOT NULL) STRICT;
    CREATE INDEX activity_by_subject ON activity (subject_id, at);`,
  integerSubject: `CREATE TABLE activity (${COLUMNS}, subject_seq INTEGER NOT NULL, data TEXT NOT NULL) STRICT;
    CREATE INDEX activity_by_subject ON activity (subject_seq, at);`,
} satisfies Record<string, string>;

const conversationIds = Array.from({ length: CONVERSATIONS }, () => newId());
const DATA = { rule: 'Billing words', add: ['billing'], remove: [] };

const cpuMicros = (since: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(since);
  return user + system;
};
const perLine = (micros: number): number => Math.round((micros / LINES) * 100) / 100;

function cpuMicrosPerLine(work: () => void): number {
  const started = process.cpuUsage();
  work();
  return perLine(cpuMicros(started));
}

/** One shape: a history of EXISTING lines, then LINES more timed, the inserts apart from the commits that write their pages out. */
function shapeCost(shape: keyof typeof SHAPES): { inserts: number; commits: number } {
  const dir = mkdtempSync(join(tmpdir(), 'pieuvre-bench-history-'));
  const db = new Database(join(dir, 'history.db'));
  for (const pragma of ['page_size = 16384', 'journal_mode = WAL', 'synchronous = NORMAL', 'cache_size = -65536']) db.pragma(pragma);
  db.exec(SHAPES[shape]);
  const hasId = shape === 'today' || shape === 'withoutActionIndex';
  const subjectColumn = shape === 'integerSubject' ? 'subject_seq' : 'subject_id';
  const insert = db.prepare(`INSERT INTO activity (${hasId ? 'id, ' : ''}at, actor, action, subject_type, ${subjectColumn}, data) VALUES (${hasId ? '?, ' : ''}?, ?, ?, ?, ?, ?)`);
  const write = (line: number): void => {
    const conversation = (line * 7919) % CONVERSATIONS;
    const values = [1e12 + line, 'rule:01900000-0000-7000-8000-000000000000', 'conversation.tags', 'conversation', shape === 'integerSubject' ? conversation : conversationIds[conversation], JSON.stringify(DATA)];
    insert.run(...(hasId ? [newId(), ...values] : values));
  };
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const writeBatch = (from: number, to: number): void => {
    begin.run();
    for (let line = from; line < to; line++) write(line);
  };
  writeBatch(0, EXISTING);
  commit.run();
  let inserts = 0;
  let commits = 0;
  for (let from = EXISTING; from < EXISTING + LINES; from += BATCH) {
    const started = process.cpuUsage();
    writeBatch(from, Math.min(from + BATCH, EXISTING + LINES));
    const inserted = process.cpuUsage();
    commit.run();
    const committed = process.cpuUsage();
    inserts += cpuMicros(started) - cpuMicros(inserted);
    commits += cpuMicros(inserted) - cpuMicros(committed);
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { inserts: perLine(inserts), commits: perLine(commits) };
}

const jsSide = {
  newId: cpuMicrosPerLine(() => { for (let i = 0; i < LINES; i++) newId(); }),
  json: cpuMicrosPerLine(() => { for (let i = 0; i < LINES; i++) JSON.stringify({ ...DATA }); }),
};
const shapes: Record<string, { inserts: number; commits: number }[]> = {};
for (let round = 0; round < rounds; round++) for (const shape of Object.keys(SHAPES) as (keyof typeof SHAPES)[]) (shapes[shape] ??= []).push(shapeCost(shape));
console.log(JSON.stringify({ lines: LINES, existing: EXISTING, jsSide, shapes }));
