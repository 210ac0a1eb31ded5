import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** The app's name as Electron spells its per-user folder (package.json `productName`). */
const PRODUCT_NAME = 'Pieuvre';

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

/**
 * Electron's `app.getPath('userData')` worked out without Electron, so the command line finds
 * the app's data: `%APPDATA%` on Windows, Application Support on macOS, XDG config elsewhere.
 */
export function appUserDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}
