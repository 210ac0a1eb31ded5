import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const projectDir = process.cwd();
const electronVersion = (JSON.parse(readFileSync(join(projectDir, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
let project: string;

/**
 * A throwaway project holding a copy of the `electron` package, so Electron's real installer
 * runs without touching the shared node_modules (it writes dist/ beside itself).
 */
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'pieuvre-electron-'));
  mkdirSync(join(project, 'node_modules'));
  writeFileSync(join(project, 'package.json'), '{"name":"copy","private":true}');
  // The package without a runtime, even where one is installed: the test starts from a fresh clone.
  const electronDir = join(projectDir, 'node_modules/electron');
  cpSync(electronDir, join(project, 'node_modules/electron'), {
    recursive: true,
    filter: (source) => !['dist', 'path.txt'].includes(relative(electronDir, source)),
  });
  symlinkSync(realpathSync(join(projectDir, 'node_modules/@electron')), join(project, 'node_modules/@electron'));
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

/** A port nothing listens on: bound, then released. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** `npm start`'s prestart step, run as npm runs it: from the project folder. */
function runPrestart(env: Record<string, string>) {
  // npm passes .npmrc settings as npm_config_*, which the downloader reads before ELECTRON_MIRROR.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/electron/i.test(name)));
  return spawnSync(join(projectDir, 'node_modules/.bin/tsx'), [join(projectDir, 'scripts/ensureElectron.ts')], {
    cwd: project,
    env: { ...inherited, electron_config_cache: join(project, 'cache'), ...env },
    encoding: 'utf8',
  });
}

describe('npm start, before electron-vite', () => {
  it('says in one line that the first start needs the internet when the download cannot happen', async () => {
    const mirror = `http://127.0.0.1:${await closedPort()}/`;
    const run = runPrestart({ ELECTRON_MIRROR: mirror });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Electron ${electronVersion} runtime is not downloaded yet`);
    expect(lines[0]).toContain(`the mirror ${mirror} (ELECTRON_MIRROR)`);
    expect(lines[0]).toContain('needs the internet');
    expect(lines[0]).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('lets npm start go on, silently, once Electron is there', () => {
    const electronDir = join(project, 'node_modules/electron');
    mkdirSync(join(electronDir, 'dist'));
    writeFileSync(join(electronDir, 'dist/version'), `v${electronVersion}`);
    writeFileSync(join(electronDir, 'dist/electron'), '');
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    // Nothing to download: a closed mirror must not matter.
    const run = runPrestart({ ELECTRON_MIRROR: 'http://127.0.0.1:9/' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
