import { useTranslation } from 'react-i18next';
import { OPERATORS_BY_KIND, RULE_FIELD_NAMES, RULE_FIELDS, type Operator, type RuleField } from '../../../shared/rules/ruleFields';
import { MAX_GROUP_DEPTH } from '../../../shared/rules/ruleSchema';
import { ConditionValue, valueHintKey } from './ConditionValue';
import { changeCondition, isGroup, newCondition, newKey, type DraftCondition, type DraftGroup, type DraftNode } from './ruleDraft';
import type { RuleProblems } from './ruleProblems';

type GroupProps = {
  group: DraftGroup;
  depth: number;
  problems: RuleProblems;
  /** Replaces (or, with null, removes) the node with this key. */
  onChange(key: string, node: DraftNode | null): void;
};

/** An all/any group of conditions and groups, nested up to the schema's depth, each row with its own controls. */
export function ConditionGroupEditor({ group, depth, problems, onChange }: GroupProps) {
  const { t } = useTranslation();
  const add = (node: DraftNode) => onChange(group.key, { ...group, children: [...group.children, node] });
  return (
    <div className={`rule-group depth-${depth}`} role="group" aria-label={t(`rules.group.${group.mode}`)}>
      <div className="rule-group-head">
        <label>
          {t('rules.group.mode')}{' '}
          <select aria-label={t('rules.group.mode')} value={group.mode} onChange={(event) => onChange(group.key, { ...group, mode: event.target.value as 'all' | 'any' })}>
            <option value="all">{t('rules.group.all')}</option>
            <option value="any">{t('rules.group.any')}</option>
          </select>
        </label>
        {depth > 1 ? <button type="button" className="link-button" onClick={() => onChange(group.key, null)}>{t('rules.group.remove')}</button> : null}
      </div>
      {group.children.length === 0 ? <p className="muted">{t('rules.group.empty')}</p> : null}
      {group.children.map((child) =>
        isGroup(child) ? (
          <ConditionGroupEditor key={child.key} group={child} depth={depth + 1} problems={problems} onChange={onChange} />
        ) : (
          <ConditionRow key={child.key} condition={child} problem={problems[child.key]} onChange={(node) => onChange(child.key, node)} />
        ),
      )}
      {problems[group.key] ? <p className="form-error" role="alert">{problems[group.key]}</p> : null}
      <div className="rule-group-add">
        <button type="button" onClick={() => add(newCondition('text'))}>{t('rules.group.addCondition')}</button>
        {depth < MAX_GROUP_DEPTH ? (
          <button type="button" onClick={() => add({ key: newKey(), mode: group.mode === 'all' ? 'any' : 'all', children: [newCondition('text')] })}>{t('rules.group.addGroup')}</button>
        ) : null}
      </div>
    </div>
  );
}

type ConditionRowProps = { condition: DraftCondition; problem: string | undefined; onChange(node: DraftCondition | null): void };

/** One condition: field, "not", operator (only those that fit the field), value. */
function ConditionRow({ condition, problem, onChange }: ConditionRowProps) {
  const { t } = useTranslation();
  const hintKey = valueHintKey(condition);
  const describedBy = [problem ? `problem-${condition.key}` : '', hintKey ? `hint-${condition.key}` : ''].join(' ').trim();
  return (
    <div className={`rule-condition${problem ? ' has-problem' : ''}`} data-key={condition.key}>
      <div className="rule-fields">
        <select aria-label={t('rules.condition.field')} value={condition.field} onChange={(event) => onChange(changeCondition(condition, { field: event.target.value as RuleField }))}>
          {RULE_FIELD_NAMES.map((field) => <option key={field} value={field}>{t(`rules.field.${field}`)}</option>)}
        </select>
        <label className="rule-not" title={t('rules.condition.notLabel')}>
          <input type="checkbox" aria-label={t('rules.condition.notLabel')} checked={condition.negate} onChange={(event) => onChange({ ...condition, negate: event.target.checked })} />
          {t('rules.condition.not')}
        </label>
        <select aria-label={t('rules.condition.op')} value={condition.op} onChange={(event) => onChange(changeCondition(condition, { op: event.target.value as Operator }))}>
          {OPERATORS_BY_KIND[RULE_FIELDS[condition.field]].map((op) => <option key={op} value={op}>{t(`rules.op.${op}`)}</option>)}
        </select>
        <ConditionValue condition={condition} label={t('rules.condition.value')} describedBy={describedBy} onChange={(input) => onChange({ ...condition, input })} />
        <button type="button" className="icon-button" aria-label={t('rules.condition.remove')} title={t('rules.condition.remove')} onClick={() => onChange(null)}>✕</button>
      </div>
      {hintKey ? <p id={`hint-${condition.key}`} className="muted rule-hint">{t(hintKey)}</p> : null}
      {problem ? <p id={`problem-${condition.key}`} className="form-error" role="alert">{problem}</p> : null}
    </div>
  );
}
