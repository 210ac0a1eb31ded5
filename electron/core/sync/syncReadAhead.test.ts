import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SyncPage, SyncRequest } from '../connectors/connector';
import { addAccount, commentItem } from '../testing/itemBuilder';
import { ScriptedConnector } from '../testing/scriptedConnector';
import { createTestCore, type TestCore } from '../testing/testCore';
import { runSyncPass } from './syncPass';

// A platform in another process, as a real one is: it notes each page request the moment it
// arrives (a file per page), whatever the sync's own thread is doing.
const PLATFORM = `
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
const [folder, pages] = process.argv.slice(1);
const server = createServer((request, response) => {
  const page = Number(new URL(request.url, 'http://x').searchParams.get('page'));
  writeFileSync(folder + '/asked-' + page, '');
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ page, hasMore: page < Number(pages) }));
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

let folder: string;
let platform: ChildProcess | null = null;
let core: TestCore | null = null;
beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'pieuvre-read-ahead-'))));
afterEach(() => {
  core?.close();
  platform?.kill();
  rmSync(folder, { recursive: true, force: true });
});

async function startPlatform(pages: number): Promise<string> {
  platform = spawn(process.execPath, ['--input-type=module', '-e', PLATFORM, folder, String(pages)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => platform!.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  return `http://127.0.0.1:${port}`;
}

/** A connector reading numbered pages of one comment each from the platform over HTTP. */
class PagesConnector extends ScriptedConnector {
  constructor(private readonly origin: string) {
    super([], { now: Date.now });
  }

  // Optional only because ScriptedConnector's own sync takes nothing: the sync pass always passes it.
  override async sync(request?: SyncRequest): Promise<SyncPage> {
    const { cursors, signal }: Pick<SyncRequest, 'cursors'> & { signal?: AbortSignal } = request ?? { cursors: {} };
    const page = Number(cursors.page ?? 1);
    const answer = (await (await fetch(`${this.origin}/?page=${page}`, { signal })).json()) as { page: number; hasMore: boolean };
    return { items: [commentItem({ n: answer.page })], updates: [], rejected: [], cursors: { page: String(page + 1) }, hasMore: answer.hasMore, progress: null };
  }
}

it('the next page’s request reaches the platform while this page is being stored, which holds the thread', async () => {
  const pages = 3;
  const origin = await startPlatform(pages);
  core = createTestCore();
  const accountId = addAccount(core.context.db);
  const ingest = core.context.ingest;
  const seenWhileStoring: boolean[] = [];
  core.context.ingest = (batch) => {
    // Ingest is synchronous: the thread is held until the platform has the next request, or 10 s have passed.
    const nextPage = seenWhileStoring.length + 2;
    const next = join(folder, `asked-${nextPage}`);
    const deadline = Date.now() + 10_000;
    while (nextPage <= pages && !existsSync(next) && Date.now() < deadline);
    seenWhileStoring.push(existsSync(next));
    return ingest(batch);
  };
  const summary = await runSyncPass(core.context, accountId, new PagesConnector(origin), { signal: AbortSignal.timeout(60_000), backfillSince: 0, onProgress: () => {}, onNotice: () => {} });
  expect(summary).toMatchObject({ inserted: 3 });
  // Pages 2 and 3 were asked for while pages 1 and 2 were stored; the last page has no next.
  expect(seenWhileStoring).toEqual([true, true, false]);
});
