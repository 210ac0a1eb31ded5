import { useTranslation } from 'react-i18next';
import { FIELD_CHOICES, RULE_FIELDS, type RuleField } from '../../../shared/rules/ruleFields';
import { splitList, takesList, type DraftCondition } from './ruleDraft';
import { useRulesStore } from './rulesStore';

type Choice = { value: string; label: string };

/** The closed list a field's value comes from (platforms, kinds, statuses, the workspace's accounts and people), or null for free text. */
function useChoices(field: RuleField): Choice[] | null {
  const { t } = useTranslation();
  const accounts = useRulesStore((s) => s.accounts);
  const people = useRulesStore((s) => s.people);
  switch (field) {
    case 'platform':
      return FIELD_CHOICES.platform.map((value) => ({ value, label: t(`platform.${value}`) }));
    case 'kind':
      return FIELD_CHOICES.kind.map((value) => ({ value, label: t(`rules.value.kind.${value}`) }));
    case 'status':
      return FIELD_CHOICES.status.map((value) => ({ value, label: t(`status.${value}`) }));
    case 'account':
      return accounts.map((account) => ({ value: account.id, label: `${account.name} (${t(`platform.${account.platform}`)})` }));
    case 'assignee':
      return people.map((person) => ({ value: person.id, label: person.name || t('assign.you') }));
    default:
      return null;
  }
}

type ConditionValueProps = { condition: DraftCondition; label: string; describedBy: string; onChange(input: string): void };

/** The value a condition compares with, in the input its field and operator call for. */
export function ConditionValue({ condition, label, describedBy, onChange }: ConditionValueProps) {
  const { t } = useTranslation();
  const choices = useChoices(condition.field);
  const kind = RULE_FIELDS[condition.field];
  const isList = takesList(condition.op);
  if (condition.op === 'isSet') return null;
  if (kind === 'boolean') {
    return (
      <select aria-label={label} value={condition.input} onChange={(event) => onChange(event.target.value)}>
        <option value="true">{t('rules.value.yes')}</option>
        <option value="false">{t('rules.value.no')}</option>
      </select>
    );
  }
  if (choices && condition.op === 'equals') {
    return (
      <select aria-label={label} aria-describedby={describedBy} value={condition.input} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('rules.condition.choose')}</option>
        {choices.map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
      </select>
    );
  }
  if (choices && isList) {
    const chosen = splitList(condition.input);
    return (
      <span role="group" aria-label={label} aria-describedby={describedBy} className="rule-checks">
        {choices.map((choice) => (
          <label key={choice.value}>
            <input
              type="checkbox"
              checked={chosen.includes(choice.value)}
              onChange={(event) => onChange((event.target.checked ? [...chosen, choice.value] : chosen.filter((value) => value !== choice.value)).join(', '))}
            />
            {choice.label}
          </label>
        ))}
      </span>
    );
  }
  if (kind === 'number') {
    return <input type="number" step="any" aria-label={label} aria-describedby={describedBy} value={condition.input} onChange={(event) => onChange(event.target.value)} />;
  }
  return <input type="text" className="rule-value-text" aria-label={label} aria-describedby={describedBy} value={condition.input} onChange={(event) => onChange(event.target.value)} />;
}

/** The hint under a value: how words, lists and patterns are written. */
export function valueHintKey(condition: DraftCondition): string | null {
  if (RULE_FIELDS[condition.field] === 'choice' || condition.field === 'assignee') return null;
  if (condition.op === 'containsAny' || condition.op === 'containsAll') return 'rules.condition.wordsHint';
  if (condition.op === 'inList') return 'rules.condition.listHint';
  if (condition.op === 'matches') return 'rules.condition.regexHint';
  return null;
}
