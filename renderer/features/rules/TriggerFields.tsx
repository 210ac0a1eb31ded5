import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../../../shared/api/team';
import type { Trigger } from '../../../shared/rules/ruleSchema';
import { newTrigger } from './ruleDraft';
import { NumberInput } from './NumberInput';

const TRIGGER_TYPES = ['messageArrived', 'conversationChanged', 'noReply', 'unassigned', 'shiftStarts', 'shiftEnds'] as const satisfies readonly Trigger['type'][];
const CHANGES = ['status', 'tags', 'assignee'] as const;

type TriggerFieldsProps = { trigger: Trigger; people: TeamMember[]; you: string; problem: string | undefined; onChange(trigger: Trigger): void };

/** When the rule runs: the trigger's type, then what that type needs (minutes, whose hours, whose shift). */
export function TriggerFields({ trigger, people, you, problem, onChange }: TriggerFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="rule-block">
      <legend>{t('rules.editor.trigger')}</legend>
      <div className="rule-fields">
        <select aria-label={t('rules.editor.trigger')} value={trigger.type} onChange={(event) => onChange(newTrigger(event.target.value as Trigger['type']))}>
          {TRIGGER_TYPES.map((type) => <option key={type} value={type}>{t(`rules.trigger.type.${type}`)}</option>)}
        </select>
        {trigger.type === 'conversationChanged' ? (
          <span role="group" aria-label={t('rules.trigger.changes')} className="rule-checks">
            {CHANGES.map((change) => (
              <label key={change}>
                <input
                  type="checkbox"
                  checked={trigger.changes.includes(change)}
                  onChange={(event) => onChange({ ...trigger, changes: event.target.checked ? [...trigger.changes, change] : trigger.changes.filter((other) => other !== change) })}
                />
                {t(`rules.trigger.change.${change}`)}
              </label>
            ))}
          </span>
        ) : null}
        {trigger.type === 'noReply' || trigger.type === 'unassigned' ? (
          <label>
            {t('rules.trigger.workingMinutes')}
            <NumberInput aria-label={t('rules.trigger.workingMinutes')} value={trigger.workingMinutes} min={1} onChange={(workingMinutes) => onChange({ ...trigger, workingMinutes })} />
          </label>
        ) : null}
        {trigger.type === 'noReply' ? (
          <label>
            {t('rules.trigger.hours')}
            <select aria-label={t('rules.trigger.hours')} value={trigger.hours} onChange={(event) => onChange({ ...trigger, hours: event.target.value as 'account' | 'assignee' })}>
              <option value="account">{t('rules.trigger.hoursSource.account')}</option>
              <option value="assignee">{t('rules.trigger.hoursSource.assignee')}</option>
            </select>
          </label>
        ) : null}
        {trigger.type === 'shiftStarts' || trigger.type === 'shiftEnds' ? (
          <>
            <label>
              {t('rules.trigger.person')}
              <select aria-label={t('rules.trigger.person')} value={trigger.personId ?? ''} onChange={(event) => onChange({ ...trigger, personId: event.target.value || null })}>
                <option value="">{t('rules.trigger.anyone')}</option>
                {people.map((person) => <option key={person.id} value={person.id}>{person.name || you}</option>)}
              </select>
            </label>
            <label>
              {t('rules.trigger.scopeLabel')}
              <select aria-label={t('rules.trigger.scopeLabel')} value={trigger.scope} onChange={(event) => onChange({ ...trigger, scope: event.target.value as 'assignedToThem' | 'unassigned' })}>
                <option value="assignedToThem">{t('rules.trigger.scope.assignedToThem')}</option>
                <option value="unassigned">{t('rules.trigger.scope.unassigned')}</option>
              </select>
            </label>
          </>
        ) : null}
      </div>
      {problem ? <p className="form-error" role="alert">{problem}</p> : null}
    </fieldset>
  );
}
