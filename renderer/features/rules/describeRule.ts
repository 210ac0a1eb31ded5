import type { TFunction } from 'i18next';
import { RULE_FIELDS } from '../../../shared/rules/ruleFields';
import type { Condition, ConditionNode, RuleAction, RuleDefinition, Trigger } from '../../../shared/rules/ruleSchema';

/** The workspace's names for the ids a rule holds: a deleted teammate or template shows as "?" rather than its id. */
export type RuleNames = { person(id: string): string | null; account(id: string): string | null; template(id: string): string | null };

/**
 * One line a person reads a rule by: "When a message arrives · text contains rembours*, refund* →
 * tag billing, round robin". Built only from what the definition says, in the UI's language.
 */
export function describeRule(t: TFunction, rule: RuleDefinition, names: RuleNames): string {
  const conditions = describeGroup(t, rule.when, names, true);
  const actions = rule.actions.map((action) => describeAction(t, action, names)).join(', ');
  const stop = rule.stopProcessing ? ` · ${t('rules.summary.stop')}` : '';
  return `${describeTrigger(t, rule.trigger, names)} · ${conditions || t('rules.summary.always')} → ${actions}${stop}`;
}

export function describeTrigger(t: TFunction, trigger: Trigger, names: RuleNames): string {
  switch (trigger.type) {
    case 'messageArrived':
      return t('rules.summary.trigger.messageArrived');
    case 'conversationChanged':
      return t('rules.summary.trigger.conversationChanged', { changes: trigger.changes.map((change) => t(`rules.trigger.change.${change}`)).join(t('rules.summary.or')) });
    case 'noReply':
    case 'unassigned':
      return t(`rules.summary.trigger.${trigger.type}`, { count: trigger.workingMinutes });
    case 'shiftStarts':
    case 'shiftEnds': {
      const person = trigger.personId === null ? t('rules.summary.anyone') : (names.person(trigger.personId) ?? '?');
      return t(`rules.summary.trigger.${trigger.type}`, { person, scope: t(`rules.trigger.scope.${trigger.scope}`) });
    }
  }
}

function describeGroup(t: TFunction, node: ConditionNode, names: RuleNames, isTop: boolean): string {
  if (!('all' in node) && !('any' in node)) return describeCondition(t, node, names);
  const children = 'all' in node ? node.all : node.any;
  const text = children.map((child) => describeGroup(t, child, names, false)).filter(Boolean).join(t('all' in node ? 'rules.summary.and' : 'rules.summary.or'));
  return isTop || children.length < 2 ? text : `(${text})`;
}

/** A value as people know it: a platform's name, a teammate's, yes or no; never an id. */
function valueText(t: TFunction, condition: Condition, value: string | number | boolean, names: RuleNames): string {
  if (typeof value === 'boolean') return t(value ? 'rules.value.yes' : 'rules.value.no');
  if (typeof value === 'number') return t('rules.summary.number', { value });
  switch (condition.field) {
    case 'platform':
      return t(`platform.${value}`, { defaultValue: value });
    case 'kind':
      return t(`rules.value.kind.${value}`, { defaultValue: value });
    case 'status':
      return t(`status.${value}`, { defaultValue: value });
    case 'account':
      return names.account(value) ?? '?';
    case 'assignee':
      return names.person(value) ?? '?';
    default:
      return value;
  }
}

export function describeCondition(t: TFunction, condition: Condition, names: RuleNames): string {
  const field = t(`rules.field.${condition.field}`);
  const op = t(`rules.summary.${condition.negate ? 'notOp' : 'op'}.${condition.op}`);
  if (condition.op === 'isSet') return `${field} ${op}`;
  if (RULE_FIELDS[condition.field] === 'boolean' && condition.op === 'equals') {
    return `${field}${t('rules.summary.colon')}${valueText(t, condition, condition.negate ? !condition.value : condition.value, names)}`;
  }
  const values = 'values' in condition ? condition.values : [condition.value];
  return `${field} ${op} ${values.map((value) => valueText(t, condition, value, names)).join(', ')}`;
}

export function describeAction(t: TFunction, action: RuleAction, names: RuleNames): string {
  switch (action.type) {
    case 'addTag':
    case 'removeTag':
      return t(`rules.summary.action.${action.type}`, { tag: action.tag });
    case 'setPriority':
      return t('rules.summary.action.setPriority', { priority: t(`rules.priority.${action.priority}`) });
    case 'assign':
      return action.to.mode === 'person' ? t('rules.summary.action.assign', { person: names.person(action.to.personId) ?? '?' }) : t('rules.summary.action.roundRobin');
    case 'snooze':
      return t('rules.summary.action.snooze', { count: action.minutes });
    case 'reply':
    {
      // A starter’s away reply has no template yet (nor has one whose template was deleted): say what to do rather than quote a "?".
      const template = names.template(action.templateId);
      return template === null ? t('rules.summary.action.replyToChoose') : t('rules.summary.action.reply', { template });
    }
    case 'notify':
      return t('rules.summary.action.notify', { person: action.personId === null ? t('rules.summary.assigneeOrMe') : (names.person(action.personId) ?? '?') });
    default:
      return t(`rules.summary.action.${action.type}`);
  }
}
