import { useTranslation } from 'react-i18next';
import { PRIORITIES, type RuleAction } from '../../../shared/rules/ruleSchema';
import { NumberInput } from './NumberInput';
import { useRulesStore } from './rulesStore';

type ActionFieldsProps = { action: RuleAction; onChange(action: RuleAction): void };

/** What one action needs besides its type: a tag, a priority, a person or a round robin, minutes, a template, a note. */
export function ActionFields({ action, onChange }: ActionFieldsProps) {
  const { t } = useTranslation();
  const people = useRulesStore((s) => s.people);
  const templates = useRulesStore((s) => s.templates);
  const you = t('assign.you');
  const personOptions = people.map((person) => <option key={person.id} value={person.id}>{person.name || you}</option>);
  switch (action.type) {
    case 'addTag':
    case 'removeTag':
      return <label>{t('rules.action.tag')}<input aria-label={t('rules.action.tag')} type="text" value={action.tag} maxLength={100} onChange={(event) => onChange({ ...action, tag: event.target.value })} /></label>;
    case 'setPriority':
      return (
        <label>
          {t('rules.action.priority')}
          <select aria-label={t('rules.action.priority')} value={action.priority} onChange={(event) => onChange({ ...action, priority: event.target.value as (typeof PRIORITIES)[number] })}>
            {PRIORITIES.map((priority) => <option key={priority} value={priority}>{t(`rules.priority.${priority}`)}</option>)}
          </select>
        </label>
      );
    case 'assign':
      return <AssignFields action={action} onChange={onChange} />;
    case 'snooze':
      return <label>{t('rules.action.minutes')}<NumberInput aria-label={t('rules.action.minutes')} value={action.minutes} min={1} onChange={(minutes) => onChange({ ...action, minutes })} /></label>;
    case 'reply':
      if (templates.length === 0) return <p className="muted">{t('rules.action.noTemplates')}</p>;
      return (
        <>
          <label>
            {t('rules.action.template')}
            <select aria-label={t('rules.action.template')} value={action.templateId} onChange={(event) => onChange({ ...action, templateId: event.target.value })}>
              {templates.some((template) => template.id === action.templateId) ? null : <option value={action.templateId}>{t('rules.condition.choose')}</option>}
              {templates.map((template) => <option key={template.id} value={template.id}>{template.name}</option>)}
            </select>
          </label>
          <label className="rule-inline-check">
            <input type="checkbox" checked={action.oncePerConversation} onChange={(event) => onChange({ ...action, oncePerConversation: event.target.checked })} />
            {t('rules.action.once')}
          </label>
        </>
      );
    case 'addNote':
      return <label className="rule-note">{t('rules.action.note')}<textarea aria-label={t('rules.action.note')} rows={2} value={action.text} maxLength={2_000} onChange={(event) => onChange({ ...action, text: event.target.value })} /></label>;
    case 'notify':
      return (
        <label>
          {t('rules.action.notifyWho')}
          <select aria-label={t('rules.action.notifyWho')} value={action.personId ?? ''} onChange={(event) => onChange({ ...action, personId: event.target.value || null })}>
            <option value="">{t('rules.action.assigneeOrMe')}</option>
            {personOptions}
          </select>
        </label>
      );
    default:
      return null;
  }
}

type AssignAction = Extract<RuleAction, { type: 'assign' }>;

/** A teammate, or a round robin among those on duty now (some or all of the team), under a cap of open conversations each. */
function AssignFields({ action, onChange }: { action: AssignAction; onChange(action: RuleAction): void }) {
  const { t } = useTranslation();
  const people = useRulesStore((s) => s.people);
  const you = t('assign.you');
  const { to } = action;
  return (
    <>
      <label>
        {t('rules.action.assignMode')}
        <select aria-label={t('rules.action.assignMode')}
          value={to.mode === 'person' ? to.personId : ''}
          onChange={(event) => onChange({ ...action, to: event.target.value ? { mode: 'person', personId: event.target.value } : { mode: 'roundRobin', personIds: [], cap: null } })}
        >
          {people.map((person) => <option key={person.id} value={person.id}>{person.name || you}</option>)}
          <option value="">{t('rules.action.roundRobin')}</option>
        </select>
      </label>
      {to.mode === 'roundRobin' ? (
        <>
          <span role="group" aria-label={t('rules.action.people')} className="rule-checks">
            <span className="muted">{t('rules.action.people')}</span>
            {people.map((person) => (
              <label key={person.id}>
                <input
                  type="checkbox"
                  checked={to.personIds.includes(person.id)}
                  onChange={(event) => onChange({ ...action, to: { ...to, personIds: event.target.checked ? [...to.personIds, person.id] : to.personIds.filter((id) => id !== person.id) } })}
                />
                {person.name || you}
              </label>
            ))}
          </span>
          <label>
            {t('rules.action.cap')}
            <NumberInput aria-label={t('rules.action.cap')} value={to.cap ?? Number.NaN} min={1} onChange={(cap) => onChange({ ...action, to: { ...to, cap: Number.isNaN(cap) ? null : cap } })} />
          </label>
        </>
      ) : null}
    </>
  );
}
