import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { makeTestCertificates, type TestCertificates } from './testCertificates';

const run = promisify(execFile);
const POSTGRES_ROOT = '/usr/lib/postgresql';
const OLDEST_MAJOR = 15;
const SUPERUSER = 'pieuvre_test_super';

/** A PostgreSQL cluster of its own, on 127.0.0.1, living in a temporary folder until stop(). */
export type PrivatePostgres = {
  port: number;
  superuser: { user: string; password: string };
  /** Present when started with `{ tls: true }`: the server then also speaks TLS with these. */
  certificates?: TestCertificates;
  /** A connection URL; `host` defaults to 127.0.0.1 and the role to the superuser. */
  url(database: string, options?: { user?: string; password?: string; host?: string; params?: Record<string, string> }): string;
  /** Runs SQL as the superuser, in `database` (default `postgres`). */
  asSuperuser<Row extends pg.QueryResultRow>(sql: string, database?: string): Promise<Row[]>;
  /** A new empty database, owned by `owner` when given. */
  createDatabase(owner?: string): Promise<string>;
  /** Debian's pg_dump of one database, plain SQL. */
  dump(database: string): Promise<string>;
  /** What the server wrote to its log (every statement, when started with `logStatements`). */
  serverLog(): string;
  stop(): void;
};

/** The newest installed PostgreSQL 15+ `bin` folder, installing Debian's package when none is. */
function postgresBin(): string {
  const find = () => {
    if (!existsSync(POSTGRES_ROOT)) return undefined;
    const majors = readdirSync(POSTGRES_ROOT).map(Number).filter((major) => major >= OLDEST_MAJOR && existsSync(join(POSTGRES_ROOT, String(major), 'bin', 'initdb')));
    return majors.length > 0 ? join(POSTGRES_ROOT, String(Math.max(...majors)), 'bin') : undefined;
  };
  const found = find();
  if (found) return found;
  installPostgres();
  const installed = find();
  if (!installed) throw new Error(`apt-get installed postgresql, but no PostgreSQL ${OLDEST_MAJOR}+ is under ${POSTGRES_ROOT}.`);
  return installed;
}

function installPostgres(): void {
  if (process.getuid?.() !== 0) throw new Error(`PostgreSQL ${OLDEST_MAJOR}+ is not installed; as root: apt-get install postgresql (CI: scripts/peers/peers.sh system).`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'postgresql'], { env, stdio: 'ignore' }).status === 0;
  // A machine whose package lists are stale or empty needs one update first.
  if (!install() && !(spawnSync('apt-get', ['update', '-q'], { env, stdio: 'ignore' }).status === 0 && install())) {
    throw new Error('apt-get could not install postgresql.');
  }
}

/** PostgreSQL refuses to run as root: then its programs run as Debian's `postgres` user. */
function serviceIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('No free port on 127.0.0.1.');
  return address.port;
}

/**
 * Starts a throwaway cluster: initdb in a temporary folder, a superuser with a password
 * (scram-sha-256 on every connection), TCP on 127.0.0.1 only, durability off. Takes a few
 * seconds, so a test file starts one in beforeAll and makes a database per test. stop() (and,
 * should the process end first, an exit hook) removes it all.
 */
export async function startPrivatePostgres(options: { tls?: boolean; logStatements?: boolean } = {}): Promise<PrivatePostgres> {
  const bin = postgresBin();
  const ids = serviceIds();
  const dir = mkdtempSync(join(tmpdir(), 'pieuvre-hub-pg-'));
  const dataDir = join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const asService = { cwd: dir, ...ids };
  let isStopped = false;
  const stop = () => {
    if (isStopped) return;
    isStopped = true;
    process.off('exit', stop);
    if (existsSync(join(dataDir, 'postmaster.pid'))) spawnSync(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], { ...asService, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  try {
    writeFileSync(join(dir, 'password'), password);
    const certificates = options.tls ? makeTestCertificates(dir) : undefined;
    if (ids) chownTree(dir, ids);
    await run(join(bin, 'initdb'), ['-N', '-D', dataDir, '-U', SUPERUSER, `--pwfile=${join(dir, 'password')}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8'], asService);
    const serverSettings = [
      '-c listen_addresses=127.0.0.1', "-c unix_socket_directories=''", '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off',
      ...(options.logStatements ? ['-c log_statement=all'] : []),
      ...(certificates ? ['-c ssl=on', `-c ssl_cert_file=${certificates.serverCertPath}`, `-c ssl_key_file=${certificates.serverKeyPath}`] : []),
    ];
    const start = () => startServer(bin, dir, serverSettings, asService);
    // Another program may take the free port before the server binds it: once more on another.
    const port = await start().catch(start);
    return clusterHandle({ bin, dir, port, password, certificates, stop });
  } catch (error) {
    stop();
    throw error;
  }
}

/** pg_ctl start on a free port, waiting until the server takes connections. */
async function startServer(bin: string, dir: string, settings: string[], asService: { cwd: string; uid?: number; gid?: number }): Promise<number> {
  const port = await freePort();
  const serverOptions = [`-p ${port}`, ...settings].join(' ');
  await run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start', '-o', serverOptions], asService);
  return port;
}

function chownTree(dir: string, ids: { uid: number; gid: number }): void {
  chownSync(dir, ids.uid, ids.gid);
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) chownSync(join(dir, name), ids.uid, ids.gid);
}

function clusterHandle(cluster: { bin: string; dir: string; port: number; password: string; certificates?: TestCertificates; stop: () => void }): PrivatePostgres {
  const { bin, dir, port, password, certificates, stop } = cluster;
  const url: PrivatePostgres['url'] = (database, { user = SUPERUSER, password: rolePassword = password, host = '127.0.0.1', params = {} } = {}) => {
    const address = new URL(`postgresql://${host}:${port}/${encodeURIComponent(database)}`);
    address.username = encodeURIComponent(user);
    address.password = encodeURIComponent(rolePassword);
    for (const [name, value] of Object.entries(params)) address.searchParams.set(name, value);
    return address.toString();
  };
  const asSuperuser = async <Row extends pg.QueryResultRow>(sql: string, database = 'postgres') => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return (await client.query<Row>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    port,
    superuser: { user: SUPERUSER, password },
    certificates,
    url,
    asSuperuser,
    async createDatabase(owner) {
      const name = `hub_${randomBytes(6).toString('hex')}`;
      await asSuperuser(`CREATE DATABASE ${name}${owner ? ` OWNER ${pg.escapeIdentifier(owner)}` : ''}`);
      return name;
    },
    async dump(database) {
      const env = { ...process.env, PGPASSWORD: password };
      return (await run(join(bin, 'pg_dump'), ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, '-d', database], { env, maxBuffer: 64 * 1024 * 1024 })).stdout;
    },
    serverLog: () => readFileSync(join(dir, 'postgres.log'), 'utf8'),
    stop,
  };
}
