import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/core';
import { insertRule } from '../../electron/core/testing/ruleRows';
import { benchAccounts, ingestBatch } from './benchIngest';
import { benchBatches } from './benchItems';
import { benchRules } from './benchRules';

/**
 * `ingest_ratio_rules`: the same ingest as pipeline.ts into two data folders, one without and one
 * with fifty enabled rules on top of the built-in ones, batch by batch in turns (which goes first
 * alternates). Run one after the other, the two sides met a machine whose speed drifted by a
 * tenth or more between them, and the share swung from 0.73 to 0.92 × over three runs of the same
 * code; side by side, each batch meets the same machine twice.
 */
const total = Number(process.argv[2]);

type Side = { core: Core; dir: string; accounts: ReturnType<typeof benchAccounts>; ingestMs: number; ingestCpuMs: number; inserted: number };
function side(name: string, withRules: boolean): Side {
  const dir = mkdtempSync(join(tmpdir(), `pieuvre-bench-${name}-`));
  const core = createCore({ dataDir: dir });
  if (withRules) for (const rule of benchRules()) insertRule(core.context.db, rule);
  return { core, dir, accounts: benchAccounts(core), ingestMs: 0, ingestCpuMs: 0, inserted: 0 };
}

const without = side('no-rules', false);
const withRules = side('rules', true);
let turn = 0;
for (const batch of benchBatches(total)) {
  for (const current of turn++ % 2 === 0 ? [without, withRules] : [withRules, without]) {
    const measured = ingestBatch(current.core, current.accounts, batch);
    current.ingestMs += measured.ms;
    current.ingestCpuMs += measured.cpuMs;
    current.inserted += measured.inserted;
  }
}
const { db } = withRules.core.context;
const hits = db.prepare<[], { matched: number; hits: number }>('SELECT count(*) FILTER (WHERE hit_count > 0) AS matched, sum(hit_count) AS hits FROM rules').get();
const disabled = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM rules WHERE is_enabled = 0').get()?.n ?? 0;
for (const { core, dir } of [without, withRules]) {
  core.close();
  rmSync(dir, { recursive: true, force: true });
}
if (disabled > 0) throw new Error(`${disabled} bench rules were turned off by the engine: the measure would flatter it.`);
if (without.inserted !== withRules.inserted) throw new Error(`The two sides stored ${without.inserted} and ${withRules.inserted} messages: not the same ingest.`);
const figures = ({ ingestMs, ingestCpuMs }: Side) => ({ ingestMs, ingestCpuMs });
console.log(JSON.stringify({ rows: withRules.inserted, without: figures(without), with: figures(withRules), rules: benchRules().length, matchedRules: hits?.matched ?? 0, hits: hits?.hits ?? 0 }));
