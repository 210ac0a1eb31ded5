import { useTranslation } from 'react-i18next';
import type { DryRunMatch, DryRunResult } from '../../../shared/api/rules';
import type { RuleAction } from '../../../shared/rules/ruleSchema';
import { showConversation } from '../conversation/showConversation';
import { isShielded } from '../shield/shieldStore';
import { NumberInput } from './NumberInput';
import type { DryRunState } from './useDryRun';

/** `isReplay`: a time or change trigger, replayed on the conversations' history: it counts times it would have acted, not messages. */
type DryRunPanelProps = { state: DryRunState; days: number; isReplay: boolean; onDaysChange(days: number): void };

/** What the rule being edited would have done over the last days: counts, actions, the latest matches (each opens its conversation). */
export function DryRunPanel({ state, days, isReplay, onDaysChange }: DryRunPanelProps) {
  const { t } = useTranslation();
  const result = state.is === 'done' ? state.result : state.is === 'loading' ? state.previous : null;
  return (
    <section className="dry-run" aria-labelledby="dry-run-title" aria-busy={state.is === 'loading'}>
      <div className="dry-run-head">
        <h3 id="dry-run-title">{t('rules.dryRun.title')}</h3>
        <label>
          {t('rules.dryRun.days')}
          <NumberInput aria-label={t('rules.dryRun.days')} value={days} min={1} max={365} onChange={onDaysChange} />
        </label>
      </div>
      <p className="dry-run-status" role="status">{statusText(t, state, isReplay)}</p>
      {result && !result.unsupported ? <DryRunDetails result={result} isStale={state.is === 'loading'} /> : null}
    </section>
  );
}

function statusText(t: ReturnType<typeof useTranslation>['t'], state: DryRunState, isReplay: boolean): string {
  switch (state.is) {
    case 'waiting':
      return t('rules.dryRun.waiting');
    case 'loading':
      return t('rules.dryRun.loading');
    case 'failed':
      return t('rules.dryRun.failed', { message: state.message });
    case 'done': {
      const { result } = state;
      if (result.unsupported) return t(`rules.dryRun.unsupported.${result.unsupported}`);
      const days = t('rules.dryRun.lastDays', { count: result.days });
      if (isReplay) return t('rules.dryRun.replayed', { count: result.matchedConversations, times: t('rules.dryRun.times', { count: result.matchedMessages }), days });
      return t('rules.dryRun.matched', {
        count: result.matchedConversations,
        messages: t('rules.dryRun.messages', { count: result.matchedMessages }),
        days,
      });
    }
  }
}

function DryRunDetails({ result, isStale }: { result: DryRunResult; isStale: boolean }) {
  const { t } = useTranslation();
  const counts = Object.entries(result.actionCounts) as [RuleAction['type'], number][];
  return (
    <div className={isStale ? 'dry-run-details is-stale' : 'dry-run-details'}>
      {counts.length > 0 ? (
        <>
          <h4>{t('rules.dryRun.actions')}</h4>
          <ul className="dry-run-counts">
            {counts.map(([type, count]) => <li key={type}>{t('rules.dryRun.actionCount', { action: t(`rules.action.type.${type}`), count })}</li>)}
          </ul>
        </>
      ) : null}
      {result.sample.length > 0 ? (
        <>
          <h4>{t('rules.dryRun.sample')}</h4>
          <ul className="dry-run-sample">
            {result.sample.map((match) => <SampleMatch key={`${match.conversationId}-${match.messageId ?? match.at}`} match={match} />)}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** One match: who wrote it and what, as plain text; a hostile one hidden as the inbox hides it. */
function SampleMatch({ match }: { match: DryRunMatch }) {
  const { t } = useTranslation();
  const isHidden = isShielded(match.hostility);
  // A change to a conversation nobody wrote in yet (only the brand's own posts): no author to name.
  const author = match.author || t('rules.dryRun.noMessage');
  return (
    <li>
      <button type="button" className="dry-run-match" aria-label={t('rules.dryRun.open', { author })} onClick={() => void showConversation(match.conversationId)}>
        <span className="dry-run-author">{author}</span>
        <span className={`dry-run-snippet${isHidden ? ' is-shielded' : ''}`} title={isHidden ? t('shield.hidden') : match.snippet} data-truncate>{isHidden ? t('shield.hidden') : match.snippet}</span>
      </button>
    </li>
  );
}
