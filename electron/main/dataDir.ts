import { isAbsolute, resolve } from 'node:path';

/**
 * Where the core keeps its database: `PIEUVRE_DATA_DIR` when set (tests, portable installs,
 * a second profile), otherwise Electron's per-user `userData` folder. A relative override is
 * resolved against the working directory so the same value means the same folder everywhere.
 */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>>, userDataDir: string): string {
  const override = env.PIEUVRE_DATA_DIR?.trim();
  if (!override) return userDataDir;
  return isAbsolute(override) ? override : resolve(override);
}
