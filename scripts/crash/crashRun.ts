import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killPlan, lifeStartsAt, MIN_KILLS, MIN_KILLS_IN_FLIGHT, type CrashRun, type LifePlan } from './crashPlan';
import { live, type Life } from './crashLife';
import { verdict, type Verdict } from './crashVerdict';

export type RunResult = Verdict & { kills: number; inFlight: number; lives: number; needsCheckCounted: number | null };

/**
 * One run: lives of the core killed as the seed planned, then one left to drain; the platform's
 * record and the database must then agree that no reply was lost or doubled. Fewer kills than
 * required, or too few with a send in flight, fail the run: it would prove too little.
 */
export async function crashRun(run: CrashRun, runIndex: number, seed: number): Promise<RunResult> {
  const dataDir = mkdtempSync(join(tmpdir(), `pieuvre-crash-${run.name}-`));
  const receivedPath = join(dataDir, 'platform-received.jsonl');
  const plan = (life: number, kill: LifePlan['kill']): LifePlan => ({
    seed, runIndex, run: run.name, replies: run.replies, life, kill, dataDir, receivedPath, startsAt: lifeStartsAt(life),
  });
  try {
    const lives: Life[] = [];
    for (const kill of killPlan(seed, runIndex, run.replies)) {
      const life = await live(plan(lives.length, kill));
      lives.push(life);
      if (life.outcome === 'drained') break;
    }
    if (lives.at(-1)?.outcome !== 'drained') lives.push(await live(plan(lives.length, null)));
    const kills = lives.filter((life) => life.outcome === 'killed');
    const inFlight = kills.filter((life) => life.inFlight > 0);
    const beforeReady = kills.filter((life) => !life.wasReady).length;
    const platformHad = inFlight.filter((life) => life.platformHad > 0).length;
    console.log(`crash[${run.name}]: ${run.replies} replies; ${run.about}`);
    console.log(`crash[${run.name}]: ${kills.length} kills (${beforeReady} while opening or queueing, ${inFlight.length} with a send in flight, ${platformHad} of them after the platform took it), ${lives.length} lives`);
    const result = {
      ...verdict(dataDir, receivedPath, run.replies), kills: kills.length, inFlight: inFlight.length, lives: lives.length, needsCheckCounted: lives.at(-1)?.needsCheckCounted ?? null,
    };
    if (run.name === 'dedupes-by-key') console.log(`crash[${run.name}]: the platform dropped ${result.droppedByPlatform} repeated sends`);
    result.problems.unshift(...requirements(run, result));
    for (const problem of result.problems) console.log(`crash[${run.name}]: FAILED: ${problem}`);
    return result;
  } finally {
    if (process.env.KEEP_CRASH_DIR) console.log(`crash[${run.name}]: data kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What makes the run worth its name, beyond "nothing lost, nothing doubled". */
function requirements(run: CrashRun, result: Omit<RunResult, 'problems'>): string[] {
  const problems: string[] = [];
  if (result.kills < MIN_KILLS) problems.push(`only ${result.kills} kills; at least ${MIN_KILLS} required`);
  if (result.inFlight < MIN_KILLS_IN_FLIGHT) problems.push(`only ${result.inFlight} kills with a send in flight; at least ${MIN_KILLS_IN_FLIGHT} required`);
  if (result.lost > 0) problems.push(`${result.lost} replies lost`);
  if (result.duplicated > 0) problems.push(`${result.duplicated} replies duplicated`);
  // Only the unsure platform may hold replies for checking, and it must, or the path went untested.
  if (run.name === 'unsure-lookups' ? result.needsCheck === 0 : result.needsCheck > 0) problems.push(`${result.needsCheck} replies held for checking`);
  if (result.needsCheckCounted !== result.needsCheck) problems.push(`the outbox counts ${result.needsCheckCounted} replies to check, but holds ${result.needsCheck}`);
  return problems;
}
