import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../shared/api/rules';
import { formatDateTime } from '../../lib/formatTime';
import { localeOf } from '../../i18n/i18n';
import { describeRule, type RuleNames } from './describeRule';
import { useRuleVersions } from './useRuleVersions';

/** A rule's history under its row: each saved version, latest first, with when it was saved and what it did. */
export function RuleVersions({ rule, names }: { rule: Rule; names: RuleNames }) {
  const { t, i18n } = useTranslation();
  const state = useRuleVersions(rule.id, rule.version);
  if (state.is === 'loading') return <p className="muted">{t('rules.versions.loading')}</p>;
  if (state.is === 'failed') return <p role="alert">{t('rules.versions.failed', { message: state.message })}</p>;
  return (
    <ol className="rule-versions" aria-label={t('rules.versions.title', { name: rule.name })}>
      {state.versions.map(({ version, definition, savedAt }) => (
        <li key={version}>
          <strong>{t('rules.versions.line', { version, when: formatDateTime(savedAt, localeOf(i18n.language)), name: definition.name })}</strong>{' '}
          <span className="muted">{describeRule(t, definition, names)}</span>
        </li>
      ))}
    </ol>
  );
}
