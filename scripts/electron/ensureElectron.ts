import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Since Electron 42 the `electron` package downloads its binary lazily instead of on install,
 * while electron-vite reads `electron/path.txt` directly and stops at "Electron uninstall" when
 * it is missing. So `npm start` runs Electron's own installer first: it returns at once when the
 * binary is already there, downloads it otherwise. `npm install` stays offline-safe.
 *
 * Resolves to null when Electron is ready, or to the one line to show when it is not.
 */
export async function ensureElectron(options: { electronDir: string; env: NodeJS.ProcessEnv }): Promise<string | null> {
  const installer = join(options.electronDir, 'install.js');
  const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [installer], { env: options.env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error) => resolve({ code: null, stderr: error.message }));
    child.once('close', (code) => resolve({ code, stderr }));
  });
  if (outcome.code === 0) return null;
  return cannotDownloadMessage(electronVersion(options.electronDir), options.env, firstLine(outcome.stderr));
}

/** The installer prints a stack trace; only its first line (the error itself) says anything useful here. */
const firstLine = (text: string): string => text.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? 'no reason given';

const electronVersion = (electronDir: string): string => {
  try {
    const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : '';
  } catch {
    return '';
  }
};

/** One line: what is missing, why, and the two ways out (the internet once, or a mirror). */
export function cannotDownloadMessage(version: string, env: NodeJS.ProcessEnv, reason: string): string {
  const mirror = env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror;
  const source = mirror ? `the mirror ${mirror} (ELECTRON_MIRROR)` : 'GitHub';
  return (
    `Pieuvre cannot start: the Electron ${version} runtime is not downloaded yet and the download from ${source} failed (${reason}). ` +
    'The first `npm start` needs the internet; offline, set ELECTRON_MIRROR to a mirror you can reach.'
  );
}
