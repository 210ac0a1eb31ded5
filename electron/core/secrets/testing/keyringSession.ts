import { execFileSync, spawn } from 'node:child_process';
import { childResults, CHILD_COMMAND } from './runSecretStoreChild';

const TOOLS = ['dbus-run-session', 'gnome-keyring-daemon'];
const PACKAGES = ['dbus-daemon', 'gnome-keyring'];

const has = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * The keyring tests need a real Secret Service: GNOME Keyring on a private D-Bus session. Debian
 * machines (CI runs as root) get the two packages on first use; elsewhere the test says what to
 * install rather than quietly skipping.
 */
export function ensureKeyringTools(): void {
  if (TOOLS.every(has)) return;
  if (process.getuid?.() !== 0 || !has('apt-get')) {
    throw new Error(`The keyring tests need ${TOOLS.join(' and ')}: install the Debian packages ${PACKAGES.join(' ')}.`);
  }
  const install = () => execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    install();
  }
}

/**
 * Runs one secretStoreChild command inside a fresh D-Bus session whose GNOME Keyring is unlocked
 * with a fixed password. Its keyrings live in `home`, so a later session opens the same ones.
 */
export async function inKeyringSession(home: string, args: readonly string[]): Promise<Record<string, unknown>[]> {
  const unlockThenRun = 'printf pieuvre-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"';
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', unlockThenRun, 'sh', ...CHILD_COMMAND, ...args], {
    env: { ...process.env, HOME: home, XDG_DATA_HOME: `${home}/.local/share`, XDG_RUNTIME_DIR: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return childResults(child);
}
