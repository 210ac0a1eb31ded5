import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { contractSyncLines, contractSyncRatios, type ContractSyncResult } from './contract/syncContractBench';

/**
 * `npm run bench [-- --quick] [-- --peers]`: the raw baseline and the pipeline each run in their own
 * process (so the pipeline's RSS is the core's alone), on the same demo rows, in one run.
 * `--peers` also starts the local Bluesky servers and measures `sync_ratio` (syncBench.ts).
 * `--team` also starts a private PostgreSQL and measures `team_converge_p95_ms` with 10 desktops (teamBench.ts), and
 * `team_ingest_ratio`: ingest with a team workspace on ÷ the same ingest local only (teamIngest.ts).
 * `sync_ratio_contract`: each wave-2 platform's full sync from its contract server ÷ a bare fetch loop
 * (contract/), with the server answering at once and at a platform's latency.
 * Prints a table, then as its very last line `BENCH {json}`.
 */
const isQuick = process.argv.includes('--quick');
const withPeers = process.argv.includes('--peers');
const withTeam = process.argv.includes('--team');
const total = isQuick ? 100_000 : 1_000_000;
const uiConversations = isQuick ? 20_000 : 100_000;
const BUDGETS = { ingest_ratio: 0.25, ingest_ratio_rules_share: 0.9, page_p95_ms: 1, search_p95_ms: 5, ranked_p95_ms: 50, rss_mb: 500, open_ms: 300, ui_first_paint_ms: 300, ui_key_p95_ms: 50, length_check_max_ms: 50, sync_ratio: 0.8, dry_run_ms: 2000, team_converge_p95_ms: 1000, team_ingest_ratio: 0.5 };

const run = (script: string, size = total) => {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const output = execFileSync(process.execPath, ['--import', 'tsx', path, String(size)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
};

console.log(`Pieuvre bench: ${total.toLocaleString('en')} demo messages (${isQuick ? 'quick' : 'full'})`);
const raw = run('./rawInsert.ts');
const pipeline = run('./pipeline.ts');
const withRules = run('./rulesBench.ts');
const ui = run('./uiBench.ts', uiConversations);
const lengths = run('./lengthBench.ts');
const sync = withPeers ? run('./syncBench.ts', isQuick ? 1_000 : 5_000) : null;
const team = withTeam ? run('./teamBench.ts', isQuick ? 30 : 200) : null;
const teamIngest = withTeam ? run('./teamIngest.ts', isQuick ? 20_000 : 100_000) : null;
const contractSync = run('./contract/syncContract.ts', isQuick ? 1_000 : 5_000) as ContractSyncResult[];
const rawPerSecond = (raw.rows / raw.ms) * 1000;
const pipelinePerSecond = (pipeline.rows / pipeline.ingestMs) * 1000;
// The rules' share from their own run, the same batches into a folder without rules and one with, in turns (rulesBench.ts).
const rulesShare = withRules.without.ingestMs / withRules.with.ingestMs;
const rulesPerSecond = pipelinePerSecond * rulesShare;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const result = {
  ingest_ratio: round(pipelinePerSecond / rawPerSecond),
  // The pipeline's ingest ratio times the share the rules leave it, measured side by side.
  ingest_ratio_rules: round((pipelinePerSecond / rawPerSecond) * rulesShare),
  page_p95_ms: round(pipeline.page.all),
  search_p95_ms: round(pipeline.searchAll),
  ranked_p95_ms: round(pipeline.rankedAll),
  rss_mb: round(pipeline.rssMb, 0),
  open_ms: round(pipeline.openMs, 0),
  integrity_check_ms: round(pipeline.integrityMs, 0),
  ui_first_paint_ms: round(ui.firstPaintMs, 0),
  ui_key_p95_ms: round(ui.keyP95Ms, 0),
  dry_run_ms: round(pipeline.dryRun.ms, 0),
  length_check_max_ms: round(Math.max(...Object.values(lengths.worst as Record<string, number>)), 1),
  ...(sync ? { sync_ratio: round(sync.syncPerSecond / sync.barePerSecond) } : {}),
  ...(team ? { team_converge_p95_ms: round(team.p95Ms, 0) } : {}),
  // Same rows, same run: rows per wall second with the team on ÷ without (both as a live core runs, the event loop turning between batches).
  ...(teamIngest ? { team_ingest_ratio: round(teamIngest.local.wallMs / teamIngest.team.wallMs) } : {}),
  ...(contractSync.length > 0 ? { sync_ratio_contract: contractSyncRatios(contractSync), sync_ratio_contract_ceiling: contractSyncRatios(contractSync, 'ceiling'), sync_ratio_contract_at_latency: contractSyncRatios(contractSync, 'latencyRatio') } : {}),
  rows: pipeline.rows,
  node: process.version,
  sqlite: pipeline.sqlite,
};

const line = (name: string, value: string, budget: string, isMet: boolean | null) =>
  console.log(`${name.padEnd(34)} ${value.padStart(14)}  ${budget.padEnd(10)} ${isMet === null ? '' : isMet ? 'ok' : 'MISSED'}`);
line('measure', 'value', 'budget', null);
line('raw insert (baseline)', `${Math.round(rawPerSecond).toLocaleString('en')}/s`, '', null);
line('pipeline ingest', `${Math.round(pipelinePerSecond).toLocaleString('en')}/s`, '', null);
line('ingest_ratio', String(result.ingest_ratio), `>= ${BUDGETS.ingest_ratio}`, result.ingest_ratio >= BUDGETS.ingest_ratio);
line(`pipeline ingest, ${withRules.rules} rules (${withRules.matchedRules} matched)`, `${Math.round(rulesPerSecond).toLocaleString('en')}/s`, '', null);
line('ingest_ratio_rules', `${result.ingest_ratio_rules} (${round(rulesShare)}×)`, `>= ${BUDGETS.ingest_ratio_rules_share}×`, rulesShare >= BUDGETS.ingest_ratio_rules_share);
// The same share by CPU time: what rules cost ingest, apart from the waits for a core a busy machine adds to either side.
line('  the same, by CPU time', `${round(withRules.without.ingestCpuMs / withRules.with.ingestCpuMs)}×`, '', null);
line('page p95 newest 50 (top / deep)', `${round(pipeline.page.first)} / ${round(pipeline.page.deep)} ms`, '', null);
line('page_p95_ms', String(result.page_p95_ms), `<= ${BUDGETS.page_p95_ms}`, result.page_p95_ms <= BUDGETS.page_p95_ms);
for (const [text, ms] of Object.entries(pipeline.search as Record<string, number>)) line(`search newest "${text}"`, `${round(ms)} ms`, '', null);
line('search_p95_ms', String(result.search_p95_ms), `<= ${BUDGETS.search_p95_ms}`, result.search_p95_ms <= BUDGETS.search_p95_ms);
for (const [text, ms] of Object.entries(pipeline.ranked as Record<string, number>)) line(`search relevance "${text}"`, `${round(ms)} ms`, '', null);
line('ranked_p95_ms', String(result.ranked_p95_ms), `<= ${BUDGETS.ranked_p95_ms}`, result.ranked_p95_ms <= BUDGETS.ranked_p95_ms);
line(`count(*) over the period (baseline)`, `${round(pipeline.dryRun.baselineMs, 0)} ms`, '', null);
line(`dry run, nothing narrows (hasLink)`, `${round(pipeline.dryRun.fullScanMs, 0)} ms`, '', null);
line(`dry_run_ms (${pipeline.dryRun.matched.toLocaleString('en')} of ${pipeline.dryRun.scanned.toLocaleString('en')})`, String(result.dry_run_ms), `<= ${BUDGETS.dry_run_ms}`, result.dry_run_ms <= BUDGETS.dry_run_ms);
line('rss_mb', String(result.rss_mb), `<= ${BUDGETS.rss_mb}`, result.rss_mb <= BUDGETS.rss_mb);
line('open_ms (reopen to first page)', String(result.open_ms), `<= ${BUDGETS.open_ms}`, result.open_ms <= BUDGETS.open_ms);
line('integrity check done (background)', `${result.integrity_check_ms} ms`, '', null);
line(`ui_first_paint_ms (${ui.conversations.toLocaleString('en')} conv.)`, String(result.ui_first_paint_ms), `<= ${BUDGETS.ui_first_paint_ms}`, result.ui_first_paint_ms <= BUDGETS.ui_first_paint_ms);
line('ui_key_p95_ms', String(result.ui_key_p95_ms), `<= ${BUDGETS.ui_key_p95_ms}`, result.ui_key_p95_ms <= BUDGETS.ui_key_p95_ms);
for (const [text, ms] of Object.entries(lengths.worst as Record<string, number>)) line(`length check: ${text}`, `${round(ms, 1)} ms`, '', null);
line('length_check_max_ms', String(result.length_check_max_ms), `<= ${BUDGETS.length_check_max_ms}`, result.length_check_max_ms <= BUDGETS.length_check_max_ms);
if (sync && result.sync_ratio !== undefined) {
  line(`bare listNotifications (${sync.bare.toLocaleString('en')})`, `${Math.round(sync.barePerSecond).toLocaleString('en')}/s`, '', null);
  line(`Bluesky sync + ingest (${sync.items.toLocaleString('en')})`, `${Math.round(sync.syncPerSecond).toLocaleString('en')}/s`, '', null);
  line('sync_ratio', String(result.sync_ratio), `>= ${BUDGETS.sync_ratio}`, result.sync_ratio >= BUDGETS.sync_ratio);
}
for (const contractLine of contractSyncLines(contractSync)) line(contractLine.name, contractLine.value, contractLine.budget, contractLine.isMet);
if (team && result.team_converge_p95_ms !== undefined) {
  line(`team_converge_p95_ms (10 desktops, ${team.samples} changes)`, String(result.team_converge_p95_ms), `<= ${BUDGETS.team_converge_p95_ms}`, result.team_converge_p95_ms <= BUDGETS.team_converge_p95_ms);
}
if (teamIngest && result.team_ingest_ratio !== undefined) {
  const perSecond = (measure: { rows: number; wallMs: number }) => `${Math.round((measure.rows / measure.wallMs) * 1000).toLocaleString('en')}/s`;
  line(`ingest, local only (${teamIngest.local.rows.toLocaleString('en')})`, perSecond(teamIngest.local), '', null);
  line('ingest, team hub on', perSecond(teamIngest.team), '', null);
  line(`  then pushing the ${teamIngest.pendingAfter.toLocaleString('en')} left`, `${round(teamIngest.drainMs, 0)} ms`, '', null);
  line('team_ingest_ratio', String(result.team_ingest_ratio), `>= ${BUDGETS.team_ingest_ratio}`, result.team_ingest_ratio >= BUDGETS.team_ingest_ratio);
}
console.log(`BENCH ${JSON.stringify(result)}`);
