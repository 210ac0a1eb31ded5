import { useTranslation } from 'react-i18next';
import type { RuleAction } from '../../../shared/rules/ruleSchema';
import { ActionFields } from './ActionFields';
import { newAction, newKey, type DraftAction } from './ruleDraft';
import type { RuleProblems } from './ruleProblems';
import { useRulesStore } from './rulesStore';

const ACTION_TYPES = [
  'addTag', 'removeTag', 'setPriority', 'assign', 'snooze', 'markDone', 'markSpam', 'markUrgent', 'hide', 'delete', 'reply', 'addNote', 'notify',
] as const satisfies readonly RuleAction['type'][];

type ActionsEditorProps = { actions: DraftAction[]; problems: RuleProblems; onChange(actions: DraftAction[]): void };

/** The rule's actions, in the order they run: each with its type and parameters, moved or removed by its buttons. */
export function ActionsEditor({ actions, problems, onChange }: ActionsEditorProps) {
  const { t } = useTranslation();
  const firstPersonId = useRulesStore((s) => s.people[0]?.id ?? '');
  const firstTemplateId = useRulesStore((s) => s.templates[0]?.id ?? '');
  const replace = (key: string, action: RuleAction) => onChange(actions.map((item) => (item.key === key ? { key, action } : item)));
  const move = (index: number, delta: -1 | 1) => {
    const next = [...actions];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + delta, 0, moved);
    onChange(next);
  };
  return (
    <fieldset className="rule-block">
      <legend>{t('rules.editor.actions')}</legend>
      <ol className="rule-actions">
        {actions.map(({ key, action }, index) => (
          <li key={key} className={`rule-action${problems[key] ? ' has-problem' : ''}`}>
            <div className="rule-fields">
              <select aria-label={t('rules.action.kind')} value={action.type} onChange={(event) => replace(key, newAction(event.target.value as RuleAction['type'], firstPersonId, firstTemplateId))}>
                {ACTION_TYPES.map((type) => <option key={type} value={type}>{t(`rules.action.type.${type}`)}</option>)}
              </select>
              <ActionFields action={action} onChange={(changed) => replace(key, changed)} />
              <span className="rule-action-buttons">
                <button type="button" className="icon-button" aria-label={t('rules.action.moveUp')} title={t('rules.action.moveUp')} disabled={index === 0} onClick={() => move(index, -1)}>↑</button>
                <button type="button" className="icon-button" aria-label={t('rules.action.moveDown')} title={t('rules.action.moveDown')} disabled={index === actions.length - 1} onClick={() => move(index, 1)}>↓</button>
                <button type="button" className="icon-button" aria-label={t('rules.action.remove')} title={t('rules.action.remove')} onClick={() => onChange(actions.filter((item) => item.key !== key))}>✕</button>
              </span>
            </div>
            {problems[key] ? <p className="form-error" role="alert">{problems[key]}</p> : null}
          </li>
        ))}
      </ol>
      {problems.actions ? <p className="form-error" role="alert">{problems.actions}</p> : null}
      <button type="button" onClick={() => onChange([...actions, { key: newKey(), action: newAction('addTag', firstPersonId, firstTemplateId) }])}>{t('rules.action.add')}</button>
    </fieldset>
  );
}
