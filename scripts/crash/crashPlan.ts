/**
 * What `npm run test:crash` does, drawn from one seed: which runs, and where each life of the
 * core is killed. The same seed draws the same plan, and each life's platform failures.
 */
import { randomFor } from '../../electron/core/connectors/demo/demoRandom';

export type CrashRunName = 'looks-up' | 'unsure-lookups' | 'dedupes-by-key';

export type CrashRun = { name: CrashRunName; replies: number; about: string };

/**
 * Three platforms. The first run keeps the full size; the other two send fewer replies so the
 * whole test stays within a few minutes on two cores (they still go through every kill).
 */
export const CRASH_RUNS: readonly CrashRun[] = [
  { name: 'looks-up', replies: 1_000, about: 'after an unclear failure, the outbox asks the platform (findSent) before posting again' },
  { name: 'unsure-lookups', replies: 400, about: 'findSent sometimes fails or cannot tell: those replies are held for checking, never sent blind' },
  { name: 'dedupes-by-key', replies: 400, about: 'the platform drops a repeated key: the outbox simply sends again, never asks' },
];

/**
 * Where a life ends: SIGKILL after so many replies queued (while the core opens, queues and
 * already sends), or inside the n-th platform call, before the platform takes it or after it
 * did but before the answer comes back: both with the row claimed, a send in flight.
 */
export type Kill = { at: 'queueing'; after: number } | { at: 'call'; call: number; moment: 'before' | 'after' };

export const MIN_KILLS = 8;
export const MIN_KILLS_IN_FLIGHT = 3;
const KILLS_WHILE_QUEUEING = 3;
const KILLS_IN_CALLS = 7;
/** Calls per killed life at most: small enough that every planned kill lands before the outbox drains. */
const MAX_CALLS_PER_LIFE = 60;

/** Everything one life of the core (crashChild.ts) needs, passed as one JSON argument. */
export type LifePlan = {
  seed: number;
  runIndex: number;
  run: CrashRunName;
  replies: number;
  life: number;
  kill: Kill | null;
  dataDir: string;
  receivedPath: string;
  /** Where this life's clock starts (see lifeStartsAt). */
  startsAt: number;
};

/**
 * Each life runs on its own clock, moved only when nothing is due, so which reply is claimed
 * when never depends on how busy the machine is: that is what lets a seed replay a run exactly.
 * A life starts an hour after the one before (a Monday, 10:00 in Montréal), far past any backoff
 * the last one left (at most 100 ms each).
 */
const FIRST_LIFE_AT = Date.UTC(2026, 0, 5, 15);
export const lifeStartsAt = (life: number): number => FIRST_LIFE_AT + life * 3_600_000;

/** Random streams of one run: the plan's, then two per life (platform failures, backoff jitter). */
const PLAN_STREAM = 0;
export const lifeRandom = (plan: LifePlan, use: 'platform' | 'jitter') => randomFor(plan.seed, plan.runIndex, 1 + 2 * plan.life + (use === 'jitter' ? 1 : 0));

export function killPlan(seed: number, runIndex: number, replies: number): Kill[] {
  const random = randomFor(seed, runIndex, PLAN_STREAM);
  const queueing = Array.from({ length: KILLS_WHILE_QUEUEING }, (): Kill => ({ at: 'queueing', after: random.int(replies) }));
  const inCalls = Array.from({ length: KILLS_IN_CALLS }, (): Kill => ({ at: 'call', call: 1 + random.int(MAX_CALLS_PER_LIFE), moment: random.chance(0.5) ? 'before' : 'after' }));
  return [...queueing, ...inCalls];
}

/** `--seed N` replays a run; without it, a fresh seed (printed, so a failure can be replayed). */
export function seedFrom(args: readonly string[]): number {
  const at = args.indexOf('--seed');
  if (at === -1) return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(args[at + 1]);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed: expected a whole number ≥ 0, got ${args[at + 1] ?? 'nothing'}.`);
  return seed;
}

export const replyKey = (n: number) => `crash-reply-${n}`;
