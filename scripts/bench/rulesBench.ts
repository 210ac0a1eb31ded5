import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/core';
import { insertRule } from '../../electron/core/testing/ruleRows';
import { ingestBench } from './benchIngest';
import { benchRules } from './benchRules';

/** The same ingest as pipeline.ts, with fifty enabled rules on top of the built-in ones: `ingest_ratio_rules`. */
const total = Number(process.argv[2]);
const dir = mkdtempSync(join(tmpdir(), 'pieuvre-bench-rules-'));
const core = createCore({ dataDir: dir });
const { db } = core.context;
const rules = benchRules();
for (const rule of rules) insertRule(db, rule);
const { inserted, ingestMs, ingestCpuMs } = await ingestBench(core, total);
const hits = db.prepare<[], { matched: number; hits: number }>('SELECT count(*) FILTER (WHERE hit_count > 0) AS matched, sum(hit_count) AS hits FROM rules').get();
const disabled = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM rules WHERE is_enabled = 0').get()?.n ?? 0;
core.close();
rmSync(dir, { recursive: true, force: true });
if (disabled > 0) throw new Error(`${disabled} bench rules were turned off by the engine: the measure would flatter it.`);
console.log(JSON.stringify({ rows: inserted, ingestMs, ingestCpuMs, rules: rules.length, matchedRules: hits?.matched ?? 0, hits: hits?.hits ?? 0 }));
