import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { HoldingProxy } from '../../../../scripts/peers/holdingProxy';
import { BRAND_USER, mentionPost, SEEDED_AUTHORS, snowflake } from '../../connectors/x/contract/xContractData';
import { XContractServer } from '../../connectors/x/contract/xContractServer';
import { X_APP } from '../../connectors/x/contract/xTestKit';
import { encodeXSecret } from '../../connectors/x/xSecret';
import { DATABASE_FILE } from '../../core';
import type { HubMember } from '../../hub/hubInputs';
import { newTeamKey, type TeamKey } from '../../hub/teamKey';
import { usePrivatePostgres } from '../../hub/testing/usePrivatePostgres';
import { newTestHub } from '../../hub/testing/testHub';
import { newId } from '../../ids';
import { EncryptedFileSecretStore } from '../../secrets/encryptedFileSecretStore';
import { keyFileKeyProvider } from '../../secrets/keyFileKeyProvider';
import { Secret } from '../../secrets/secret';
import { accountSecretName } from '../../secrets/secretStore';
import { openDatabase } from '../../store/database';
import { me } from '../../duty/people';

/** Issue #14 §2: a crashed or killed lease holder is replaced within this. */
const TAKEOVER_MS = 30_000;
const MENTIONS = 250;
/** Node with tsx as a loader (not the tsx command, whose second process a SIGKILL would leave running). */
const CHILD = [process.execPath, '--import', import.meta.resolve('tsx'), join(import.meta.dirname, 'testing', 'leaseDesktopChild.ts')] as const;

const postgres = usePrivatePostgres();
const { cleanups } = postgres;

/** A desktop's core in its own process (testing/leaseDesktopChild.ts), and what it printed. */
class DesktopProcess {
  readonly lines: Record<string, unknown>[] = [];
  private output = '';
  private readonly child: ChildProcess;

  constructor(readonly dataDir: string, setup: { member: HubMember; teamKey: TeamKey; xOrigin: string }) {
    const [command, ...args] = CHILD;
    const env = { ...process.env, PIEUVRE_TEST_DESKTOP: JSON.stringify({ member: setup.member, teamKey: setup.teamKey.key.toString('base64'), keyVersion: setup.teamKey.version, xOrigin: setup.xOrigin }) };
    this.child = spawn(command, [...args, dataDir], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      const lines = this.output.split('\n');
      this.output = lines.pop() ?? '';
      this.lines.push(...lines.filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>));
    });
    this.child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    cleanups.push(() => this.kill());
  }

  holds(accountId: string): boolean {
    const last = this.lines.filter((line) => 'holds' in line).at(-1);
    return Array.isArray(last?.holds) && last.holds.includes(accountId);
  }

  /** Whether it has said anything about its leases yet (it has asked for them). */
  hasAsked(): boolean {
    return this.lines.some((line) => 'holds' in line);
  }

  send(command: object): void {
    this.child.stdin?.write(`${JSON.stringify(command)}\n`);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** Reads a desktop's database beside its running core (WAL: readers never block its writer). */
function readDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const inboundIds = (dataDir: string): string[] =>
  readDb(dataDir, (db) => db.prepare<[], string>("SELECT external_id FROM messages WHERE direction = 'in' ORDER BY external_id").pluck().all());

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

/** A new data folder whose database has the team's account under the same id on every desktop, as sync makes it. */
function dataFolderWith(accountId: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pieuvre-takeover-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = openDatabase(join(dir, DATABASE_FILE));
  db.prepare("INSERT INTO accounts (id, platform, external_id, name, handle, is_demo, created_at, updated_at) VALUES (?, 'x', ?, ?, ?, 0, 0, 0)").run(
    accountId,
    BRAND_USER.id,
    BRAND_USER.name,
    `@${BRAND_USER.username}`,
  );
  // This desktop's person, as a first start makes it: the core's next start checks the file before writing.
  me(db, Date.now());
  db.close();
  return dir;
}

/** What the shared outbox will bring: the killed desktop's row, as it left it, on the desktop taking over. */
function giveOutboxRow(from: string, to: string, outboxId: string): void {
  const row = readDb(from, (db) =>
    db.prepare<[string], Record<string, unknown>>('SELECT o.*, c.thread_external_id AS thread FROM outbox o JOIN conversations c ON c.seq = o.conversation_seq WHERE o.id = ?').get(outboxId),
  );
  if (!row) throw new Error(`No outbox row ${outboxId} on the killed desktop.`);
  // Its own seq and conversation seq there; the people and rules it names are the killed desktop's.
  const { thread, ...columns } = row;
  delete columns.seq;
  const db = new Database(join(to, DATABASE_FILE), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const conversationSeq = db.prepare<[unknown], number>('SELECT seq FROM conversations WHERE thread_external_id = ?').pluck().get(thread);
    const values = { ...columns, conversation_seq: conversationSeq, queued_by_person_seq: null, rule_seq: null };
    const names = Object.keys(values);
    db.prepare(`INSERT INTO outbox (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`).run(values);
  } finally {
    db.close();
  }
}

it('a desktop killed during a sync, then one killed during a send: another takes over within 30 s, every item stored once, the reply on X once', async () => {
  const server = await XContractServer.start({ clientId: X_APP.clientId });
  cleanups.push(() => server.close());
  const newest = Date.now() - 60_000;
  for (let index = 0; index < MENTIONS; index += 1) {
    const at = newest - index * 60_000;
    server.addPost(mentionPost({ id: snowflake(at, index), author: SEEDED_AUTHORS[index % SEEDED_AUTHORS.length]!, text: `Question ${index} : livrez-vous à Québec?`, lang: 'fr', at }));
  }
  const mentionIds = server.posts.map((post) => post.id).sort();
  const proxy = await HoldingProxy.start(server.url);
  cleanups.push(() => proxy.stop());

  const hub = await newTestHub(postgres.cluster);
  cleanups.push(() => hub.close());
  const workspaceId = await hub.newWorkspace();
  const teamKey = newTeamKey();
  const accountId = newId();
  const [dirA, dirB] = [dataFolderWith(accountId), dataFolderWith(accountId)];
  // Only A signed in: B gets the token sealed through the hub.
  const storeA = await EncryptedFileSecretStore.open(dirA, [keyFileKeyProvider(dirA)]);
  await storeA.set(accountSecretName(accountId, 'session'), new Secret(encodeXSecret({ ...server.oauth.issue(), userId: BRAND_USER.id, username: BRAND_USER.username })));
  const setupA = { member: await hub.newMember(workspaceId, { name: 'Julie' }), teamKey, xOrigin: proxy.url };
  const setupB = { member: await hub.newMember(workspaceId, { name: 'Marc' }), teamKey, xOrigin: proxy.url };

  // 1. A polls; it is killed while its pass waits for the second page of mentions.
  const secondPage = proxy.holdNext((method, path) => method === 'GET' && /\/mentions\?.*pagination_token=/u.test(path));
  let a = new DesktopProcess(dirA, setupA);
  await until(() => a.holds(accountId), 60_000, 'A to take the lease');
  const b = new DesktopProcess(dirB, setupB);
  await secondPage;
  await until(() => inboundIds(dirA).length > 0, 60_000, 'A to store its first page');
  await until(() => b.hasAsked(), 60_000, 'B to ask for the lease');
  expect(b.holds(accountId)).toBe(false);
  a.kill();
  expect(inboundIds(dirA).length).toBeLessThan(MENTIONS);
  await until(() => b.holds(accountId), TAKEOVER_MS, 'B to take over after A was killed during a sync');
  await until(() => inboundIds(dirB).length === MENTIONS, 60_000, 'B to store every mention');
  expect(inboundIds(dirB)).toEqual(mentionIds);

  // 2. A comes back (B holds the account now); B is killed once X took its reply, before it heard back.
  a = new DesktopProcess(dirA, setupA);
  await until(() => a.hasAsked(), 60_000, 'A to ask for the lease again');
  expect(a.holds(accountId)).toBe(false);
  const answered = inboundIds(dirA)[0] as string;
  const conversationId = readDb(dirB, (db) => db.prepare<[string], string>('SELECT c.id FROM conversations c JOIN messages m ON m.conversation_seq = c.seq WHERE m.external_id = ?').pluck().get(answered));
  const replyTaken = proxy.holdNext((method, path) => method === 'POST' && path.startsWith('/2/tweets'));
  const text = 'Oui, on livre à Québec le mardi!';
  b.send({ reply: { conversationId, text } });
  await replyTaken;
  b.kill();
  const queued = b.lines.find((line) => 'queued' in line)?.queued;
  if (typeof queued !== 'string') throw new Error('B did not say which reply it queued.');
  giveOutboxRow(dirB, dirA, queued);
  await until(() => a.holds(accountId), TAKEOVER_MS, 'A to take over after B was killed during a send');
  const outboxState = () => readDb(dirA, (db) => db.prepare<[string], string>('SELECT state FROM outbox WHERE id = ?').pluck().get(queued));
  await until(() => outboxState() === 'sent', 60_000, 'A to settle the reply');

  expect(server.repliesReceived().map((post) => post.text.replace(/^(@\w+\s+)+/u, ''))).toEqual([text]);
  const outbound = readDb(dirA, (db) => db.prepare<[], string>("SELECT text FROM messages WHERE direction = 'out'").pluck().all());
  expect(outbound).toEqual([text]);
  await until(() => inboundIds(dirA).length === MENTIONS, 60_000, 'A to store every mention');
  expect(inboundIds(dirA)).toEqual(mentionIds);
}, 420_000);
