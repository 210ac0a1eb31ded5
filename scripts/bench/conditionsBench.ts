import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/core';
import { createFactReader, type FactRow } from '../../electron/core/rules/ruleFacts';
import { loadRuleSet, type RuleSet } from '../../electron/core/rules/ruleSet';
import { localSpamScorer } from '../../electron/core/rules/spamScorer';
import { insertRule } from '../../electron/core/testing/ruleRows';
import type { Db } from '../../electron/core/store/database';
import { ingestBench } from './benchIngest';
import { benchRules } from './benchRules';

/**
 * The rules' conditions alone, without their effects: `tsx scripts/bench/conditionsBench.ts
 * 30000 [passes]`. Ingest stores the bench's messages (built-in rules only); then every incoming
 * message's facts are made and its rules asked, as the runner asks them (guards first), with the
 * built-in rules and with the fifty bench rules as well, pass after pass, in turns. The best pass
 * of each by CPU time: on a loaded machine one process's runs of ingest swing by a quarter,
 * the best of several passes in one process much less.
 */
const total = Number(process.argv[2]);
const passes = Number(process.argv[3] ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'pieuvre-bench-conditions-'));
const core = createCore({ dataDir: dir });
const { db } = core.context;
await ingestBench(core, total);
const at = Date.now();
const builtIn = loadRuleSet(db, at);
for (const rule of benchRules()) insertRule(db, rule);
const withFifty = loadRuleSet(db, at);
const seqs = db.prepare<[], number>("SELECT seq FROM messages WHERE direction = 'in' ORDER BY seq").pluck().all();
const rows = [...createFactReader(db, localSpamScorer).rowsOf(seqs).values()];

/** One pass: each message's facts made afresh (as ingest makes them), its rules asked in order; CPU µs and matches. */
function pass(database: Db, rules: RuleSet, messages: readonly FactRow[]): { cpuMicros: number; matches: number } {
  const reader = createFactReader(database, localSpamScorer);
  const started = process.cpuUsage();
  let matches = 0;
  for (const row of messages) {
    const facts = reader.factsOf(row, row.received_at);
    for (const rule of rules.forMessage(facts)) if (rule.predicate(facts)) matches += 1;
  }
  const cpu = process.cpuUsage(started);
  return { cpuMicros: cpu.user + cpu.system, matches };
}

const best = { builtIn: Number.POSITIVE_INFINITY, withFifty: Number.POSITIVE_INFINITY };
const matches = { builtIn: 0, withFifty: 0 };
for (let round = 0; round < passes; round++) {
  for (const [name, rules] of [['builtIn', builtIn], ['withFifty', withFifty]] as const) {
    const result = pass(db, rules, rows);
    best[name] = Math.min(best[name], result.cpuMicros / rows.length);
    matches[name] = result.matches;
  }
}
core.close();
rmSync(dir, { recursive: true, force: true });
const round2 = (value: number) => Math.round(value * 100) / 100;
console.log(JSON.stringify({ incoming: rows.length, passes, matches, bestMicrosPerMessage: { builtIn: round2(best.builtIn), withFifty: round2(best.withFifty), fifty: round2(best.withFifty - best.builtIn) } }));
