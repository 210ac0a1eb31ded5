import type { Core } from '../../electron/core/core';
import type { RuleDefinitionInput } from '../../shared/rules/ruleSchema';

const DAYS = 30;
const RUNS = 3;

/** A realistic draft: refund words on two platforms, tagged and handed round. */
const REFUND_RULE: RuleDefinitionInput = {
  name: 'Refunds',
  trigger: { type: 'messageArrived' },
  when: { all: [{ field: 'text', op: 'containsAny', values: ['rembours*', 'refund*', 'argent'] }, { field: 'platform', op: 'inList', values: ['facebook', 'instagram'] }] },
  actions: [{ type: 'addTag', tag: 'billing' }, { type: 'assign', to: { mode: 'roundRobin', personIds: [], cap: null } }],
};
/** The worst case, for the record: nothing lets SQL narrow it, every message's facts are read. */
const LINK_RULE: RuleDefinitionInput = { name: 'Links', trigger: { type: 'messageArrived' }, when: { all: [{ field: 'hasLink', op: 'equals', value: true }] }, actions: [{ type: 'addTag', tag: 'link' }] };

const median = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;

/**
 * `dry_run_ms`: one rule tried on the last 30 days through the API, as the editor asks for it,
 * beside the raw baseline of a plain count over the same messages in the same run.
 */
export async function timeDryRun(core: Core): Promise<{ ms: number; baselineMs: number; fullScanMs: number; scanned: number; matched: number }> {
  const since = Date.now() - DAYS * 86_400_000;
  const count = core.context.db.prepare("SELECT count(*) FROM messages WHERE direction = 'in' AND received_at >= ?");
  const baseline: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    count.get(since);
    baseline.push(performance.now() - started);
  }
  const time = async (definition: RuleDefinitionInput) => {
    const samples: number[] = [];
    let last = { scanned: 0, matchedMessages: 0 };
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const { result } = await core.server.handle({ type: 'request', id: run, method: 'rules.dryRun', input: { definition, days: DAYS } });
      samples.push(performance.now() - started);
      if (!result.ok) throw new Error(`rules.dryRun failed: ${result.error.message}`);
      last = result.value as typeof last;
    }
    return { ms: median(samples), ...last };
  };
  const refund = await time(REFUND_RULE);
  const links = await time(LINK_RULE);
  return { ms: refund.ms, baselineMs: median(baseline), fullScanMs: links.ms, scanned: refund.scanned, matched: refund.matchedMessages };
}
