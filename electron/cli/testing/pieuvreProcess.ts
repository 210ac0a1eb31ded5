import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createApiClient } from '../../../shared/api/client';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { inProcessTransport } from '../../core/api/inProcessTransport';
import { createCore } from '../../core/core';

/** Tests that spawn the command line several times: each start takes seconds on a busy machine. */
export const SPAWNS_TIMEOUT_MS = 90_000;

const CLI = join(import.meta.dirname, '../pieuvre.ts');

export type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
export type RunningPieuvre = { child: ChildProcessWithoutNullStreams; stderrSoFar(): string; done: Promise<Run> };

/**
 * The real command line in its own process, on a data folder, as `npm run -s pieuvre --` runs it.
 * Its locale is English whatever the machine's (a French one would make it speak French); a
 * test asks for French with `--lang fr`, or sets `locale`.
 */
export function startPieuvre(dataDir: string, args: readonly string[], stdin = '', locale = 'C.UTF-8'): RunningPieuvre {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, PIEUVRE_DATA_DIR: dataDir, LC_ALL: '', LC_MESSAGES: '', LANG: locale } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  const done = new Promise<Run>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, stderrSoFar: () => stderr, done };
}

export const pieuvre = (dataDir: string, args: readonly string[], stdin = '', locale?: string): Promise<Run> => startPieuvre(dataDir, args, stdin, locale).done;

/** Settings the command line has no command for, set through the API as the app would. */
export async function callCore<M extends MethodName>(dataDir: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const core = createCore({ dataDir, lockAs: 'app' });
  try {
    const result = await createApiClient(inProcessTransport(core.server, core.events)).call(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  } finally {
    core.close();
    await core.log.close();
  }
}
