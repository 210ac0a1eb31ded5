import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HoldingProxy } from '../../scripts/peers/holdingProxy';
import type { AccountCheck } from '../../shared/api/accounts';
import { createApiClient, throwingCall } from '../../shared/api/client';
import { inProcessTransport } from '../core/api/inProcessTransport';
import { PLATFORM_ORIGINS_VARIABLE } from '../core/connectors/platformOrigins';
import { createCore, DATABASE_FILE } from '../core/core';
import { CONTRACT_KITS } from '../core/testing/contractKits';
import type { ContractKit } from '../core/testing/replyKill';
import { pieuvre, SPAWNS_TIMEOUT_MS, startPieuvre, type RunningPieuvre } from './testing/pieuvreProcess';

/**
 * Every wave-2 platform, from its contract server (`connectors/<platform>/contract/`), as a person
 * uses it: the app set up, the browser's sign-in, a sync, then a reply whose process is killed
 * with SIGKILL after the platform took the reply and before Pieuvre recorded it. The next process
 * must leave exactly one reply on the platform, recorded once (#13 §3).
 */
let dataDir: string;
const started: RunningPieuvre[] = [];
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-cli-wave2-'))));
afterEach(async () => {
  for (const running of started.splice(0)) {
    running.child.kill('SIGKILL');
    await running.done;
  }
  delete process.env[PLATFORM_ORIGINS_VARIABLE];
  rmSync(dataDir, { recursive: true, force: true });
});

type Message = { externalId: string; direction: string; text: string; isPrivateReply: boolean };
type InboxEntry = { id: string; platform: string; kind: string; messages: Message[] };

async function pieuvreJson<T>(args: readonly string[]): Promise<T> {
  const run = await pieuvre(dataDir, ['--json', ...args]);
  expect(run, `${run.stderr}${run.stdout}`).toMatchObject({ code: 0 });
  return JSON.parse(run.stdout) as T;
}

/** The app's own sign-in in one process, the test acting as the person's browser on the consent page. */
async function signIn(kit: ContractKit): Promise<void> {
  const core = createCore({ dataDir, lockAs: 'app' });
  try {
    const call = throwingCall(createApiClient(inProcessTransport(core.server, core.events)));
    await call('accounts.setPlatformApp', { platform: kit.platform, clientId: kit.app.clientId, clientSecret: kit.app.clientSecret });
    const pending = await call('accounts.startOAuth', { platform: kit.platform });
    const finished = call('accounts.finishOAuth', { signInId: pending.signInId });
    expect((await fetch(pending.authorizeUrl)).status).toBe(200);
    expect((await finished).length).toBeGreaterThan(0);
    await call('outbox.setUndoDelay', { undoSendMs: 0 });
  } finally {
    core.close();
    await core.log.close();
  }
}

function outboxStates(): string[] {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare<[], string>("SELECT state FROM outbox WHERE kind <> 'moderation'").pluck().all();
  } finally {
    db.close();
  }
}

const WORDS = 'Merci, on regarde ça tout de suite.';

/**
 * `reply ID --wait` (or `--privately`) killed with SIGKILL once the platform has taken the reply;
 * the next `sync` leaves it there once and records it once. Returns the conversation's entry after.
 */
async function killedReply(kit: ContractKit, privately: boolean): Promise<{ after: InboxEntry | undefined; received: string[] }> {
  const contract = await kit.start();
  const proxy = await HoldingProxy.start(contract.origin);
  const sends = privately ? contract.privateReplies : { isPost: contract.isReplyPost, received: contract.repliesReceived };
  if (!sends) throw new Error(`${kit.platform}'s contract kit has no private replies`);
  try {
    process.env[PLATFORM_ORIGINS_VARIABLE] = JSON.stringify({ [kit.platform]: proxy.url });
    await signIn(kit);
    await pieuvreJson(['sync']);
    const conversation = (await pieuvreJson<InboxEntry[]>(['inbox'])).find((entry) => entry.platform === kit.platform && entry.kind !== 'dm');
    expect(conversation, 'the contract server gave an answerable conversation').toBeDefined();

    const held = proxy.holdNext((method, path) => sends.isPost(method, new URL(path, proxy.url).pathname));
    const reply = startPieuvre(dataDir, ['reply', conversation?.id ?? '', '--wait', ...(privately ? ['--privately'] : [])], WORDS);
    started.push(reply);
    const outcome = await Promise.race([held.then(() => 'held' as const), reply.done]);
    expect(outcome, `the reply ended before reaching the platform: ${reply.stderrSoFar()}`).toBe('held');
    reply.child.kill('SIGKILL');
    expect((await reply.done).signal).toBe('SIGKILL');
    expect(sends.received()).toEqual([WORDS]);
    expect(outboxStates()).toEqual(['sending']);

    await pieuvreJson(['sync']);
    expect(sends.received()).toEqual([WORDS]);
    expect(outboxStates()).toEqual(['sent']);
    if (privately) expect(contract.repliesReceived()).toEqual([]);
    return { after: (await pieuvreJson<InboxEntry[]>(['inbox'])).find((entry) => entry.id === conversation?.id), received: sends.received() };
  } finally {
    await proxy.stop();
    await contract.close();
  }
}

const outbound = (entry: InboxEntry | undefined) => entry?.messages.filter((message) => message.direction === 'out').map(({ text, isPrivateReply }) => ({ text, isPrivateReply }));

describe.each(CONTRACT_KITS)('pieuvre command line against the $platform contract server', (kit) => {
  it('a reply whose process is killed with SIGKILL after the platform took it is on the platform once, recorded once', { timeout: SPAWNS_TIMEOUT_MS * 3 }, async () => {
    const { after } = await killedReply(kit, false);
    expect(outbound(after)).toEqual([{ text: WORDS, isPrivateReply: false }]);
  });
});

// Meta's Private Replies (#13): one message to the comment's author, in their inbox; the thread keeps it as such.
describe.each(CONTRACT_KITS.filter((kit) => kit.platform === 'facebook' || kit.platform === 'instagram'))('pieuvre command line, a private reply on the $platform contract server', (kit) => {
  it('killed with SIGKILL after the platform took it, is sent once, recorded once in the comment’s thread as a private reply', { timeout: SPAWNS_TIMEOUT_MS * 3 }, async () => {
    const { after } = await killedReply(kit, true);
    expect(outbound(after)).toEqual([{ text: WORDS, isPrivateReply: true }]);
    const listed = await pieuvre(dataDir, ['inbox']);
    expect(listed.stdout.split('\n').find((line) => line.startsWith(after?.id ?? '-'))).toContain(`(private reply): ${WORDS}`);
  });
});

// `accounts check ID` as a person with real credentials runs it (#13 §3), here against each contract server.
describe.each(CONTRACT_KITS)('pieuvre accounts check against the $platform contract server', (kit) => {
  it('says each read-only step worked, and only reads the platform', { timeout: SPAWNS_TIMEOUT_MS * 2 }, async () => {
    const contract = await kit.start();
    try {
      process.env[PLATFORM_ORIGINS_VARIABLE] = JSON.stringify({ [kit.platform]: contract.origin });
      await signIn(kit);
      const [account] = await pieuvreJson<{ id: string; platform: string }[]>(['accounts', 'list']);
      expect(account?.platform).toBe(kit.platform);
      const before = contract.requests().length;
      const check = await pieuvreJson<AccountCheck>(['accounts', 'check', account?.id ?? '']);
      expect(check.ok, JSON.stringify(check.steps)).toBe(true);
      expect(check.steps.length).toBeGreaterThanOrEqual(2);
      // Reads only: a token exchange may renew the sign-in, nothing on the account changes.
      const asked = contract.requests().slice(before);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.filter((request) => request.method !== 'GET' && !/token/u.test(request.path)).map((request) => `${request.method} ${request.path}`)).toEqual([]);
      const text = await pieuvre(dataDir, ['accounts', 'check', account?.id ?? '']);
      expect(text, text.stderr).toMatchObject({ code: 0, stderr: '' });
      expect(text.stdout.split('\n').filter((line) => line.startsWith('ok  ')).length).toBe(check.steps.length);
      expect(text.stdout).toContain('The account answers as it should.');
    } finally {
      await contract.close();
    }
  });
});
