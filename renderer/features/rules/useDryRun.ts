import { useEffect, useState } from 'react';
import type { DryRunResult } from '../../../shared/api/rules';
import type { RuleDefinition } from '../../../shared/rules/ruleSchema';
import { call } from '../../app/coreClient';

/** How long the editor waits after the last change before trying the rule: typing a word runs it once, not per letter. */
export const DRY_RUN_DEBOUNCE_MS = 400;

export type DryRunState =
  | { is: 'waiting' }
  | { is: 'loading'; previous: DryRunResult | null }
  | { is: 'done'; result: DryRunResult }
  | { is: 'failed'; message: string };

/**
 * The draft tried on the last `days` of history as it is edited: only a valid definition is
 * tried, a while after the last change, and an answer to an older draft is never shown over a
 * newer one's.
 */
export function useDryRun(definition: RuleDefinition | null, days: number): DryRunState {
  const [state, setState] = useState<DryRunState>({ is: 'waiting' });
  const key = definition && Number.isInteger(days) && days >= 1 && days <= 365 ? JSON.stringify({ definition, days }) : null;
  useEffect(() => {
    if (key === null) {
      setState({ is: 'waiting' });
      return;
    }
    let isCurrent = true;
    setState((before) => ({ is: 'loading', previous: before.is === 'done' ? before.result : before.is === 'loading' ? before.previous : null }));
    const timer = setTimeout(() => {
      const input = JSON.parse(key) as { definition: RuleDefinition; days: number };
      call('rules.dryRun', { ...input, sampleSize: 10 }).then(
        (result) => isCurrent && setState({ is: 'done', result }),
        (failure: unknown) => isCurrent && setState({ is: 'failed', message: failure instanceof Error ? failure.message : String(failure) }),
      );
    }, DRY_RUN_DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [key]);
  return state;
}
