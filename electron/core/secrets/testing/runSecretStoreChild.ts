import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * Node itself with tsx as a loader, not the tsx command: that one runs Node as a second process,
 * which a SIGKILL sent to the first would leave running.
 */
export const CHILD_COMMAND = [process.execPath, '--import', import.meta.resolve('tsx'), join(import.meta.dirname, 'secretStoreChild.ts')] as const;

/** secretStoreChild.ts in its own process. */
export function spawnSecretStoreChild(args: readonly string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const [command, ...rest] = CHILD_COMMAND;
  return spawn(command, [...rest, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every JSON line the child printed, once it has exited. */
export function childResults(child: ChildProcess): Promise<Record<string, unknown>[]> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>));
      } catch {
        reject(new Error(`The secrets child printed something else than JSON lines:\n${out}\n${err}`));
      }
    });
  });
}

/** Runs one command to its end and gives its single result. */
export async function runSecretStoreChild(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const results = await childResults(spawnSecretStoreChild(args, env));
  if (results.length !== 1) throw new Error(`Expected one result from the secrets child, got ${JSON.stringify(results)}`);
  return results[0] ?? {};
}
