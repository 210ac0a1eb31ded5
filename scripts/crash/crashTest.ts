/**
 * `npm run test:crash [-- --seed N]`: the outbox under SIGKILL. A child process runs the real
 * core sending replies through the demo connector behind a flaky platform; it is killed at
 * points drawn from the seed (while queueing, inside platform calls), several times, and
 * restarted until the outbox drains. Three runs, one per kind of platform (crashPlan.ts). The
 * platform's record must then hold every reply exactly once, except those held for a person to
 * check, never sent blind; and every thread's "report as spam" at least once (moderation is
 * idempotent there), its local effect applied exactly once.
 */
import { CRASH_RUNS, seedFrom } from './crashPlan';
import { crashRun, type RunResult } from './crashRun';

async function main(): Promise<number> {
  const seed = seedFrom(process.argv.slice(2));
  console.log(`crash: seed ${seed} (replay with: npm run test:crash -- --seed ${seed})`);
  const results: RunResult[] = [];
  for (const [index, run] of CRASH_RUNS.entries()) results.push(await crashRun(run, index, seed));
  // One line per run, in the order of CRASH_RUNS, last: what CI logs show at a glance.
  for (const result of results) console.log(`crash: sent ${result.sent}, lost ${result.lost}, duplicated ${result.duplicated}, needs-check ${result.needsCheck}`);
  return results.every((result) => result.problems.length === 0) ? 0 : 1;
}

process.exitCode = await main();
