import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database';

/** What SQLite's quick_check found: nothing (ok), or its own description of each problem. */
export type IntegrityReport = { isOk: boolean; problems: string[] };

/** Enough to see what is wrong without flooding the screen that shows it. */
const MAX_PROBLEMS = 50;

/** quick_check on a handle, in this thread: for an open that is about to write (an upgrade). */
export function quickCheck(db: Db): IntegrityReport {
  const rows = db.pragma(`quick_check(${MAX_PROBLEMS})`) as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
  return { isOk: problems.length === 0, problems };
}

// CommonJS in an eval'd worker: it loads in the app's bundle and under tsx/vitest alike.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.betterSqlitePath);
let report;
try {
  const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  try {
    const problems = db.pragma('quick_check(' + workerData.maxProblems + ')').map((row) => row.quick_check).filter((line) => line !== 'ok');
    report = { isOk: problems.length === 0, problems };
  } finally {
    db.close();
  }
} catch (error) {
  report = { isOk: false, problems: [String(error && error.message || error)] };
}
parentPort.postMessage(report);
`;

export type BackgroundCheck = { report: Promise<IntegrityReport>; cancel(): void };

/**
 * quick_check in a worker thread with its own read-only connection. It reads the whole file
 * (seconds at a million messages), so it runs after the first page instead of before it, and
 * the core's thread keeps answering requests meanwhile.
 */
export function checkIntegrityInBackground(path: string): BackgroundCheck {
  const betterSqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, betterSqlitePath, maxProblems: MAX_PROBLEMS } });
  const report = new Promise<IntegrityReport>((resolve) => {
    worker.once('message', (message: IntegrityReport) => resolve(message));
    worker.once('error', (error) => resolve({ isOk: false, problems: [`The check could not run: ${error.message}`] }));
    // Cancelled (the core closed): the answer no longer matters.
    worker.once('exit', () => resolve({ isOk: false, problems: ['The check stopped before it finished.'] }));
  });
  return { report, cancel: () => void worker.terminate() };
}
