import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Starts and stops the local social servers (a Bluesky network and snac2, see README.md here)
 * through peers.sh. Runs in the process that owns them (vitest's global setup), once per run.
 */

const peersDir = path.dirname(fileURLToPath(import.meta.url));
const INSTALL_TIMEOUT_MS = 20 * 60_000; // npm ci compiles better-sqlite3: minutes on a busy machine
const START_TIMEOUT_MS = 5 * 60_000;

export const peerServersSchema = z.object({
  bluesky: z.object({
    /** Point clients here: the PDS, which proxies app.bsky.* to the AppView. */
    pds: z.string(),
    appview: z.string(),
    plc: z.string(),
    /** `POST /sync` drains the PDS firehose into the AppView. */
    control: z.string(),
  }),
  snac: z.object({ url: z.string() }),
  /** The variables the shell scripts need to act on this run's servers (snac-peer.sh adduser). */
  env: z.record(z.string(), z.string()),
});
export type PeerServers = z.infer<typeof peerServersSchema>;

export interface RunningPeers {
  servers: PeerServers;
  stop(): Promise<void>;
}

const blueskyInfoSchema = z.object({ pds: z.string(), appview: z.string(), plc: z.string(), control: z.string() });

/** The cache folder: installs are kept across runs, each run's state lives in runs/<pid>. */
function peersHome(): string {
  return process.env.PEERS_HOME ?? path.join(os.homedir(), '.cache', 'pieuvre-peers');
}

function runScript(args: string[], env: Record<string, string>, timeout: number): Promise<string> {
  // The scripts run the Bluesky server and npm with this Node.
  const nodeBin = path.dirname(process.execPath);
  const fullEnv = { ...process.env, ...env, PEERS_NODE: process.execPath, PATH: `${nodeBin}:${process.env.PATH ?? ''}` };
  return new Promise((resolve, reject) => {
    execFile('bash', [path.join(peersDir, 'peers.sh'), ...args], { env: fullEnv, timeout, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) reject(new Error(`peers.sh ${args.join(' ')} failed (${error.message.split('\n')[0]}):\n${output.split('\n').slice(-40).join('\n')}`));
      else resolve(output);
    });
  });
}

function listenOn(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });
}

async function freePort(): Promise<number> {
  const port = await listenOn(0);
  if (port === undefined) throw new Error('No free TCP port on 127.0.0.1.');
  return port;
}

/** The Bluesky services sit at fixed offsets from one base port (see bsky-peer.sh). */
const BLUESKY_OFFSETS = [2, 3, 4, 7, 9];

/** A base below Linux's ephemeral range, so that the kernel's own picks do not land on it meanwhile. */
async function freeBlueskyBase(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 1_000) * 10;
    const ports = await Promise.all(BLUESKY_OFFSETS.map((offset) => listenOn(base + offset)));
    if (ports.every((port) => port !== undefined)) return base;
  }
  throw new Error('No free block of ports for the Bluesky network between 20000 and 30000.');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A run that died without its teardown left servers behind: stop them (by their pid files) and forget them. */
async function reapAbandonedRuns(runsDir: string): Promise<void> {
  const names = await readdir(runsDir).catch(() => []);
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || (pid !== process.pid && isAlive(pid))) continue;
    const stateDir = path.join(runsDir, name);
    await runScript(['down'], { PEERS_STATE_DIR: stateDir }, START_TIMEOUT_MS).catch(() => undefined);
    await rm(stateDir, { recursive: true, force: true });
  }
}

/** Installs on first use (idempotent, locked), then starts both servers on free loopback ports. */
export async function startPeerServers(log: (line: string) => void): Promise<RunningPeers> {
  const home = peersHome();
  const runsDir = path.join(home, 'runs');
  const base = { PEERS_HOME: home };
  await reapAbandonedRuns(runsDir);

  const installStart = Date.now();
  await runScript(['install'], base, INSTALL_TIMEOUT_MS);
  const installMs = Date.now() - installStart;

  const stateDir = path.join(runsDir, String(process.pid));
  await mkdir(stateDir, { recursive: true });
  const snacPort = await freePort();
  const env = {
    ...base,
    PEERS_STATE_DIR: stateDir,
    PEERS_PG_PORT: String(await freePort()),
    PEERS_REDIS_PORT: String(await freePort()),
    PEERS_BSKY_BASE_PORT: String(await freeBlueskyBase()),
    PEERS_SNAC_PORT: String(snacPort),
  };
  const stop = async (): Promise<void> => {
    await runScript(['down'], env, START_TIMEOUT_MS);
    await rm(stateDir, { recursive: true, force: true });
  };

  const upStart = Date.now();
  try {
    const output = await runScript(['up'], env, START_TIMEOUT_MS);
    // e.g. a service listening beyond 127.0.0.1: worth seeing even when everything started
    for (const warning of output.split('\n').filter((line) => line.includes('WARNING'))) log(warning);
    const info = blueskyInfoSchema.parse(JSON.parse(await readFile(path.join(stateDir, 'bsky', 'info.json'), 'utf8')));
    log(`local servers: installed in ${installMs} ms (cache ${home}), started in ${Date.now() - upStart} ms`);
    const servers = { bluesky: info, snac: { url: `http://localhost:${snacPort}` }, env };
    return { servers, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
