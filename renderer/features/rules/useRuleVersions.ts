import { useEffect, useState } from 'react';
import type { RuleVersion } from '../../../shared/api/rules';
import { call } from '../../app/coreClient';

export type RuleVersionsState = { is: 'loading' } | { is: 'done'; versions: RuleVersion[] } | { is: 'failed'; message: string };

/** A rule's saved versions, latest first, read when the history opens (a teammate's saves included, in a team workspace). */
export function useRuleVersions(id: string, version: number): RuleVersionsState {
  const [state, setState] = useState<RuleVersionsState>({ is: 'loading' });
  // The rule's current version is in the key: a save, here or a teammate's, reads the history again.
  useEffect(() => {
    let isCurrent = true;
    call('rules.versions', { id }).then(
      (versions) => isCurrent && setState({ is: 'done', versions }),
      (failure: unknown) => isCurrent && setState({ is: 'failed', message: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [id, version]);
  return state;
}
