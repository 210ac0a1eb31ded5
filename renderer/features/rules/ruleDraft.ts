import { FIELD_CHOICES, OPERATORS_BY_KIND, RULE_FIELDS, type Operator, type RuleField } from '../../../shared/rules/ruleFields';
import type { ConditionNode, RuleAction, RuleDefinition, RuleDefinitionInput, Trigger } from '../../../shared/rules/ruleSchema';

/**
 * A rule as the editor holds it while the person writes it: every condition's value is the text
 * they typed (words as a comma list, a number as typed), and every node and action has a key so
 * the schema's refusals land on the field they are about. `toDefinition` turns it into what
 * `ruleDefinitionSchema` checks; nothing here decides what is valid.
 */
export type DraftCondition = { key: string; field: RuleField; op: Operator; negate: boolean; input: string };
export type DraftGroup = { key: string; mode: 'all' | 'any'; children: DraftNode[] };
export type DraftNode = DraftCondition | DraftGroup;
export type DraftAction = { key: string; action: RuleAction };
export type RuleDraft = { name: string; isEnabled: boolean; trigger: Trigger; when: DraftGroup; actions: DraftAction[]; stopProcessing: boolean };

export const isGroup = (node: DraftNode): node is DraftGroup => 'children' in node;

let lastKey = 0;
/** Keys only tell the editor's rows apart; they never leave the renderer. */
export const newKey = (): string => `k${++lastKey}`;

/** Operators whose value is a list of words or items, typed separated by commas. */
const LIST_OPERATORS: ReadonlySet<Operator> = new Set(['containsAny', 'containsAll', 'inList']);
export const takesList = (op: Operator): boolean => LIST_OPERATORS.has(op);

/** Splits a comma list: "rembours*, refund" → two words; blanks between commas are dropped. */
export const splitList = (input: string): string[] => input.split(',').map((item) => item.trim()).filter((item) => item !== '');

/** A fresh condition on a field: its first operator, and a value that fits where one is obvious. */
export function newCondition(field: RuleField = 'text'): DraftCondition {
  const kind = RULE_FIELDS[field];
  const op = OPERATORS_BY_KIND[kind][0] ?? 'equals';
  const choices = (FIELD_CHOICES as Partial<Record<RuleField, readonly string[]>>)[field];
  return { key: newKey(), field, op, negate: false, input: kind === 'boolean' ? 'true' : (choices?.[0] ?? '') };
}

/** The same condition on another field or operator, keeping what was typed when it still fits. */
export function changeCondition(condition: DraftCondition, change: { field?: RuleField; op?: Operator }): DraftCondition {
  if (change.field && change.field !== condition.field) {
    const fresh = newCondition(change.field);
    const isSameKind = RULE_FIELDS[change.field] === RULE_FIELDS[condition.field] && RULE_FIELDS[change.field] !== 'choice';
    return isSameKind ? { ...condition, field: change.field } : { ...fresh, key: condition.key, negate: condition.negate };
  }
  return change.op ? { ...condition, op: change.op } : condition;
}

const numberOf = (input: string): number => (input.trim() === '' ? Number.NaN : Number(input.replace(',', '.')));

function conditionOf({ field, op, negate, input }: DraftCondition): unknown {
  const kind = RULE_FIELDS[field];
  if (op === 'isSet') return { field, op, negate };
  if (takesList(op)) return { field, op, values: splitList(input), negate };
  if (kind === 'number') return { field, op, value: numberOf(input), negate };
  if (kind === 'boolean') return { field, op, value: input === 'true', negate };
  return { field, op, value: input, negate };
}

const groupOf = (group: DraftGroup): unknown => ({ [group.mode]: group.children.map((node) => (isGroup(node) ? groupOf(node) : conditionOf(node))) });

/** What the schema checks: the draft as the rule's definition would be, unparsed. */
export const toDefinition = (draft: RuleDraft): RuleDefinitionInput => ({
  name: draft.name,
  isEnabled: draft.isEnabled,
  trigger: draft.trigger,
  when: groupOf(draft.when) as RuleDefinitionInput['when'],
  actions: draft.actions.map(({ action }) => action),
  stopProcessing: draft.stopProcessing,
});

function draftNode(node: ConditionNode): DraftNode {
  if ('all' in node) return { key: newKey(), mode: 'all', children: node.all.map(draftNode) };
  if ('any' in node) return { key: newKey(), mode: 'any', children: node.any.map(draftNode) };
  const input = 'values' in node ? node.values.join(', ') : 'value' in node ? String(node.value) : '';
  return { key: newKey(), field: node.field, op: node.op, negate: node.negate, input };
}

/** A saved rule (or a starter) in the editor. */
export function fromDefinition(definition: RuleDefinition): RuleDraft {
  return {
    name: definition.name,
    isEnabled: definition.isEnabled,
    trigger: definition.trigger,
    when: draftNode(definition.when) as DraftGroup,
    actions: definition.actions.map((action) => ({ key: newKey(), action })),
    stopProcessing: definition.stopProcessing,
  };
}

/** A new rule: when a message arrives, text contains…, then one action to fill in. */
export const emptyDraft = (name: string): RuleDraft => ({
  name,
  isEnabled: false,
  trigger: { type: 'messageArrived' },
  when: { key: newKey(), mode: 'all', children: [newCondition('text')] },
  actions: [{ key: newKey(), action: { type: 'addTag', tag: '' } }],
  stopProcessing: false,
});

/** The keys of every node along a schema path into `when` ("when.all.0.any.2.values.1"), last first. */
export function nodeKeyAt(group: DraftGroup, path: readonly PropertyKey[]): { key: string; rest: readonly PropertyKey[] } {
  const [mode, index, ...rest] = path;
  const child = mode === group.mode && typeof index === 'number' ? group.children[index] : undefined;
  if (!child) return { key: group.key, rest: path };
  return isGroup(child) ? nodeKeyAt(child, rest) : { key: child.key, rest };
}

/** The group with the node `key` changed by `change` (null removes it), wherever it sits. */
export function updateNode(group: DraftGroup, key: string, change: (node: DraftNode) => DraftNode | null): DraftGroup {
  if (group.key === key) return (change(group) as DraftGroup | null) ?? group;
  const children = group.children.flatMap((child) => {
    if (child.key === key) return change(child) ?? [];
    return isGroup(child) ? [updateNode(child, key, change)] : [child];
  });
  return { ...group, children };
}

/** What a new action of each type starts with: the first teammate or template where one is needed. */
export function newAction(type: RuleAction['type'], firstPersonId: string, firstTemplateId: string): RuleAction {
  switch (type) {
    case 'addTag':
    case 'removeTag':
      return { type, tag: '' };
    case 'setPriority':
      return { type, priority: 'high' };
    case 'assign':
      return { type, to: { mode: 'person', personId: firstPersonId } };
    case 'snooze':
      return { type, minutes: 60 };
    case 'reply':
      return { type, templateId: firstTemplateId, oncePerConversation: true };
    case 'addNote':
      return { type, text: '' };
    case 'notify':
      return { type, personId: null };
    default:
      return { type };
  }
}

/** What a trigger of each type starts with. */
export function newTrigger(type: Trigger['type']): Trigger {
  switch (type) {
    case 'messageArrived':
      return { type };
    case 'conversationChanged':
      return { type, changes: ['status'] };
    case 'noReply':
      return { type, workingMinutes: 60, hours: 'account' };
    case 'unassigned':
      return { type, workingMinutes: 30 };
    case 'shiftStarts':
    case 'shiftEnds':
      return { type, personId: null, scope: 'assignedToThem' };
  }
}
