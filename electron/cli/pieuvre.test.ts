import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { createCore } from '../core/core';
import { LOCK_FILE } from '../core/dataFolderLock';
import { addAccount } from '../core/testing/itemBuilder';
import { callCore as callCoreIn, pieuvre as runPieuvre, SPAWNS_TIMEOUT_MS, type Run } from './testing/pieuvreProcess';

const HOLDER = join(import.meta.dirname, '../core/testing/holdDataFolder.ts');

let dataDir: string;
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-cli-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const pieuvre = (args: readonly string[], stdin = ''): Promise<Run> => runPieuvre(dataDir, args, stdin);

async function pieuvreJson<T>(args: readonly string[], stdin?: string): Promise<T> {
  const run = await pieuvre(['--json', ...args], stdin);
  expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as T;
}

const callCore = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => callCoreIn(dataDir, method, input);

type InboxEntry = { id: string; platform: string; kind: string; status: string; messages: { externalId: string; direction: string; authorHandle: string; text: string; createdAt: number }[] };

describe('pieuvre command line', () => {
  it('exits 2 with one line on stderr on a usage error', async () => {
    for (const args of [[], ['--bogus', 'inbox'], ['frobnicate'], ['inbox', '--limit', 'many'], ['inbox', '--status', 'lost'], ['reply']]) {
      const run = await pieuvre(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await pieuvre(['inbox', '--limit', 'many'])).stderr).toContain('--limit');
  }, SPAWNS_TIMEOUT_MS);

  it('lists the demo inbox, newest first with its messages, and the demo accounts', async () => {
    const inbox = await pieuvreJson<InboxEntry[]>(['--demo', 'inbox', '--limit', '5']);
    expect(inbox).toHaveLength(5);
    for (const conversation of inbox) {
      expect(Object.keys(conversation).sort()).toEqual(['assigneeId', 'id', 'kind', 'messages', 'platform', 'status']);
      expect(['comment', 'mention', 'dm']).toContain(conversation.kind);
      expect(conversation.messages.length).toBeGreaterThan(0);
      expect(Object.keys(conversation.messages[0] ?? {}).sort()).toEqual(['authorHandle', 'createdAt', 'direction', 'externalId', 'isPrivateReply', 'text']);
    }
    const latest = inbox.map((c) => Math.max(...c.messages.map((m) => m.createdAt)));
    expect(latest).toEqual([...latest].sort((a, b) => b - a));
    const accounts = await pieuvreJson<{ status: string; platform: string }[]>(['accounts', 'list']);
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((account) => account.status === 'connected')).toBe(true);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('starts a folder it creates without the demo workspace', async () => {
    expect(await pieuvreJson(['accounts', 'list'])).toEqual([]);
    expect(await pieuvreJson(['inbox'])).toEqual([]);
  });

  it('sends a reply from stdin through the outbox and shows it in the inbox', async () => {
    const [conversation] = await pieuvreJson<InboxEntry[]>(['--demo', 'inbox', '--limit', '1']);
    await callCore('outbox.setUndoDelay', { undoSendMs: 0 });
    const sent = await pieuvreJson<{ state: string }>(['reply', conversation?.id ?? '', '--wait'], 'Merci, on s’en occupe!\n');
    expect(sent.state).toBe('sent');
    const inbox = await pieuvreJson<InboxEntry[]>(['inbox', '--limit', '50']);
    const after = inbox.find((c) => c.id === conversation?.id);
    expect(after?.messages.at(-1)).toMatchObject({ direction: 'out', text: 'Merci, on s’en occupe!' });

    const empty = await pieuvre(['reply', conversation?.id ?? '']);
    expect(empty).toMatchObject({ code: 1, stdout: '' });
    expect(empty.stderr).toContain('The reply is empty');
  });

  it('restores a backup it made, and exports JSON Lines', async () => {
    const [conversation] = await pieuvreJson<InboxEntry[]>(['--demo', 'inbox', '--limit', '1']);
    const backupFile = join(dataDir, 'saved.db');
    await pieuvreJson(['backup', backupFile]);
    await callCore('conversations.setStatus', { ids: [conversation?.id ?? ''], status: 'done' });
    expect((await pieuvreJson<InboxEntry[]>(['inbox', '--status', 'done'])).map((c) => c.id)).toEqual([conversation?.id]);
    await pieuvreJson(['restore', backupFile]);
    expect(await pieuvreJson<InboxEntry[]>(['inbox', '--status', 'done'])).toEqual([]);

    const out = join(dataDir, 'export.jsonl');
    const exported = await pieuvreJson<{ path: string; rows: number }>(['export', '--out', out]);
    expect(exported.path).toBe(out);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    // One JSON object per row, naming its table.
    expect(lines).toHaveLength(exported.rows);
    expect(lines.map((line) => typeof (JSON.parse(line) as { table?: unknown }).table)).toEqual(lines.map(() => 'string'));
  });

  it('refuses a data folder another process holds, and takes it over once that process is killed', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir, 'app'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    const refused = await pieuvre(['inbox']);
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: 'pieuvre: Pieuvre is running with this data folder; quit it first.\n' });
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(await pieuvre(['inbox'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('accounts and sync: usage errors exit 2 naming what is wrong', async () => {
    const cases = [
      [['accounts', 'add'], 'Unknown accounts action'],
      [['accounts', 'add', 'bluesky', '--handle', 'brand.test'], '--server is required'],
      [['accounts', 'add', 'bluesky', '--server', 'pds.example', '--handle', 'brand.test'], '--server'],
      [['accounts', 'add', 'mastodon'], '--server is required'],
      [['accounts', 'remove'], 'Unknown accounts action'],
      [['accounts', 'list', '--delete-history'], '--delete-history does not go with this action'],
      [['sync', 'now'], 'Expected no arguments'],
    ] as const;
    for (const [args, reason] of cases) {
      const run = await pieuvre(args);
      expect(run, args.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr, args.join(' ')).toContain(reason);
    }
  }, SPAWNS_TIMEOUT_MS);

  it('accounts add bluesky reads the app password from stdin and reaches the sign-in, saying in one line when the server cannot be reached', async () => {
    // A port nothing listens on any more (pieuvreRealAccounts.test.ts signs in for real).
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const args = ['accounts', 'add', 'bluesky', '--server', `http://127.0.0.1:${port}`, '--handle', 'brand.test'];
    expect(await pieuvre(args)).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('No app password: give it on stdin') });
    const refused = await pieuvre(args, 'abcd-efgh-ijkl-mnop\n');
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^pieuvre: accounts\.connectBluesky: .*cannot be reached.*\n$/) });
    expect(refused.stderr.split('\n')).toHaveLength(2);
  });

  it('accounts remove disconnects keeping the history, or deletes it; sync passes over connected real accounts only', async () => {
    expect(await pieuvreJson(['sync'])).toEqual({ accounts: [], polledElsewhere: [], team: null });
    const core = createCore({ dataDir, lockAs: 'app' });
    await core.health.whenWritable();
    const [kept, deleted] = [addAccount(core.context.db, 'mastodon', 'https://a.example/users/brand'), addAccount(core.context.db, 'mastodon', 'https://b.example/users/brand')];
    core.close();
    await core.log.close();

    expect(await pieuvreJson(['accounts', 'remove', kept])).toEqual({ id: kept, keptHistory: true });
    expect(await pieuvreJson(['accounts', 'remove', deleted, '--delete-history'])).toEqual({ id: deleted, keptHistory: false });
    expect(await pieuvreJson(['accounts', 'list'])).toEqual([{ id: kept, platform: 'mastodon', handle: '@brulerie', status: 'disconnected' }]);
    expect(await pieuvreJson(['sync'])).toEqual({ accounts: [], polledElsewhere: [], team: null });
    expect(await pieuvre(['sync', '--account', 'nobody'])).toMatchObject({ code: 1, stderr: 'pieuvre: No account with id nobody.\n' });
  }, SPAWNS_TIMEOUT_MS);
});
