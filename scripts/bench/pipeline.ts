import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/core';
import type { MethodInput, MethodName } from '../../shared/api/contract';
import { ingestBench } from './benchIngest';
import { percentile } from './benchItems';
import { timeDryRun } from './dryRunTiming';

/** Ingests through the real pipeline, then times the API's hot queries on the result. */
const total = Number(process.argv[2]);
const dir = mkdtempSync(join(tmpdir(), 'pieuvre-bench-'));
const core = createCore({ dataDir: dir });
const { db } = core.context;
const { inserted, ingestMs, ingestCpuMs } = await ingestBench(core, total);
const rssMb = process.memoryUsage().rss / 2 ** 20;

let requestId = 0;
async function timed<M extends MethodName>(method: M, input: MethodInput<M>, runs: number): Promise<{ samples: number[]; value: unknown }> {
  const samples: number[] = [];
  let value: unknown;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const { result } = await core.server.handle({ type: 'request', id: ++requestId, method, input });
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    value = result.value;
  }
  return { samples, value };
}

const RUNS = 200;
const pageFilter = { status: 'open', platform: 'instagram', limit: 50 } as const;
const first = await timed('conversations.list', pageFilter, RUNS);
let cursor = (first.value as { nextCursor: string | null }).nextCursor;
for (let page = 0; page < 100 && cursor; page++) {
  cursor = ((await timed('conversations.list', { ...pageFilter, cursor }, 1)).value as { nextCursor: string | null }).nextCursor;
}
const deep = await timed('conversations.list', { ...pageFilter, cursor }, RUNS);

// Words picked from the data itself: the most common term, and one found in 5 to 50 messages.
const vocabulary = db.prepare("CREATE VIRTUAL TABLE temp.bench_vocab USING fts5vocab('main', 'message_search', 'row')");
vocabulary.run();
const common = db.prepare<[], { term: string }>("SELECT term FROM temp.bench_vocab WHERE length(term) > 3 ORDER BY doc DESC LIMIT 1").get()?.term ?? 'merci';
const rare = db.prepare<[], { term: string }>("SELECT term FROM temp.bench_vocab WHERE doc BETWEEN 5 AND 50 AND length(term) > 4 ORDER BY term LIMIT 1").get()?.term ?? 'zzz';
const prefix = `${common.slice(0, 3)}*`;

// One query at a time: interleaved awaits would time each other's work.
const searches: { text: string; samples: number[] }[] = [];
for (const text of [common, rare, prefix]) searches.push({ text, ...(await timed('messages.search', { text, limit: 50 }, RUNS)) });
const ranked: { text: string; samples: number[] }[] = [];
for (const text of [common, rare]) ranked.push({ text, ...(await timed('messages.search', { text, order: 'relevance', limit: 50 }, RUNS / 4)) });

const dryRun = await timeDryRun(core);

const sqlite = db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v ?? '?';
core.close();

// The start the person waits for: the core's real open path on this database, until the
// first inbox page is back. The integrity check that follows in the background is timed too.
const opening = performance.now();
const reopened = createCore({ dataDir: dir });
const firstPage = await reopened.server.handle({ type: 'request', id: ++requestId, method: 'conversations.list', input: { status: 'open', limit: 50 } });
const openMs = performance.now() - opening;
if (!firstPage.result.ok) throw new Error(`first page after reopening failed: ${firstPage.result.error.message}`);
if (!(await reopened.health.whenWritable())) throw new Error(`the reopened bench database is damaged: ${reopened.health.status().problems.join('; ')}`);
const integrityMs = performance.now() - opening;
reopened.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    rows: inserted,
    ingestMs,
    ingestCpuMs,
    rssMb,
    openMs,
    integrityMs,
    page: { first: percentile(first.samples, 95), deep: percentile(deep.samples, 95), all: percentile([...first.samples, ...deep.samples], 95) },
    search: Object.fromEntries(searches.map((s) => [s.text, percentile(s.samples, 95)])),
    searchAll: percentile(searches.flatMap((s) => s.samples), 95),
    ranked: Object.fromEntries(ranked.map((s) => [s.text, percentile(s.samples, 95)])),
    rankedAll: percentile(ranked.flatMap((s) => s.samples), 95),
    dryRun,
    sqlite,
  }),
);
