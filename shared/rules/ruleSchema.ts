import { z } from 'zod';
import { plainText } from '../text/plainText';
import { compileRegex } from './regex';
import { FIELD_CHOICES, RULE_FIELD_NAMES, RULE_FIELDS, operatorFits, type RuleField } from './ruleFields';

/**
 * A triage rule as people write it and as it is exported: a trigger, nested all/any conditions,
 * ordered actions. Validated here for the API, the editor and imported files alike; what the
 * engine adds (id, order, version, hit counts, error) is `Rule` in shared/api/rules.ts.
 */

const id = z.string().min(1).max(64);
const field = z.enum(RULE_FIELD_NAMES as [RuleField, ...RuleField[]]);
const negate = z.boolean().default(false);
/** A word or a prefix (`rembours*`); whole words otherwise, case and accents ignored. */
const word = plainText(z.string().trim().min(1).max(100)).refine((text) => !/\*./u.test(text), { message: 'may end with * (a prefix) but not contain it elsewhere' });
const words = z.array(word).min(1).max(500);
const listValue = plainText(z.string().trim().min(1).max(500));
/** The longest pattern accepted: re2js compiles in linear time, but a rule is not a program. */
export const REGEX_MAX = 1_000;

export const conditionSchema = z
  .discriminatedUnion('op', [
    z.strictObject({ field, op: z.literal('containsAny'), values: words, negate }),
    z.strictObject({ field, op: z.literal('containsAll'), values: words, negate }),
    z.strictObject({ field, op: z.literal('startsWith'), value: plainText(z.string().min(1).max(500)), negate }),
    z.strictObject({ field, op: z.literal('equals'), value: z.union([plainText(z.string().max(500)), z.number(), z.boolean()]), negate }),
    z.strictObject({ field, op: z.literal('inList'), values: z.array(listValue).min(1).max(1_000), negate }),
    z.strictObject({
      field,
      op: z.literal('matches'),
      value: z
        .string()
        .min(1)
        .max(REGEX_MAX)
        .superRefine((pattern, ctx) => {
          const compiled = compileRegex(pattern);
          if ('error' in compiled) ctx.addIssue({ code: 'custom', message: `is not a regular expression this engine accepts: ${compiled.error}`, params: { regexError: compiled.error } });
        }),
      negate,
    }),
    z.strictObject({ field, op: z.literal('greaterThan'), value: z.number(), negate }),
    z.strictObject({ field, op: z.literal('lessThan'), value: z.number(), negate }),
    z.strictObject({ field, op: z.literal('isSet'), negate }),
  ])
  .superRefine((condition, ctx) => {
    if (!operatorFits(condition.field, condition.op)) {
      ctx.addIssue({ code: 'custom', path: ['op'], message: `does not apply to the field ${condition.field}`, params: { operatorMismatch: true } });
      return;
    }
    const kind = RULE_FIELDS[condition.field];
    if (condition.op === 'equals' && typeof condition.value !== { text: 'string', choice: 'string', number: 'number', boolean: 'boolean', tags: 'string' }[kind]) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `must be a ${kind === 'choice' ? 'string' : kind} for the field ${condition.field}` });
    }
    const choices = (FIELD_CHOICES as Partial<Record<RuleField, readonly string[]>>)[condition.field];
    const given = condition.op === 'equals' ? [condition.value] : condition.op === 'inList' ? condition.values : [];
    const unknown = choices ? given.filter((value) => typeof value !== 'string' || !choices.includes(value)) : [];
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', path: [condition.op === 'equals' ? 'value' : 'values'], message: `${unknown.join(', ')} is not one of ${choices?.join(', ')}` });
  });
export type Condition = z.output<typeof conditionSchema>;

/** How deep groups may nest: deeper than this no person can read the rule back. */
export const MAX_GROUP_DEPTH = 4;

export type ConditionGroup = { all: ConditionNode[] } | { any: ConditionNode[] };
export type ConditionNode = Condition | ConditionGroup;
type ConditionNodeInput = z.input<typeof conditionSchema> | { all: ConditionNodeInput[] } | { any: ConditionNodeInput[] };
type ConditionGroupInput = { all: ConditionNodeInput[] } | { any: ConditionNodeInput[] };

const nodes: z.ZodType<ConditionNode[], ConditionNodeInput[]> = z.lazy(() => z.array(z.union([conditionSchema, groupShape])).max(100));
const groupShape: z.ZodType<ConditionGroup, ConditionGroupInput> = z.lazy(() => z.union([z.strictObject({ all: nodes }), z.strictObject({ any: nodes })]));

const depthOf = (group: ConditionGroup): number => 1 + Math.max(0, ...('all' in group ? group.all : group.any).map((node) => ('op' in node ? 0 : depthOf(node))));
export const conditionGroupSchema = groupShape.refine((group) => depthOf(group) <= MAX_GROUP_DEPTH, { message: `nests groups more than ${MAX_GROUP_DEPTH} deep` });

/** Working minutes: one minute to one working week of five 8-hour days... and some. */
const workingMinutes = z.number().int().min(1).max(10_080);

export const triggerSchema = z.discriminatedUnion('type', [
  /** A message from a person reaches the inbox. */
  z.strictObject({ type: z.literal('messageArrived') }),
  /** Someone (a person or a rule) changed the conversation's status, tags or assignee. */
  z.strictObject({ type: z.literal('conversationChanged'), changes: z.array(z.enum(['status', 'tags', 'assignee'])).min(1).max(3) }),
  /** The latest message from a person has waited this long for the brand's answer, counted in working minutes. */
  z.strictObject({ type: z.literal('noReply'), workingMinutes, hours: z.enum(['account', 'assignee']).default('account') }),
  /** An open conversation nobody took for this long, in the account's working minutes. */
  z.strictObject({ type: z.literal('unassigned'), workingMinutes }),
  /**
   * A person's shift starts or ends (null: anyone's). The conditions then run over that person's
   * open conversations, or over the open unassigned ones.
   */
  z.strictObject({ type: z.literal('shiftStarts'), personId: id.nullable(), scope: z.enum(['assignedToThem', 'unassigned']) }),
  z.strictObject({ type: z.literal('shiftEnds'), personId: id.nullable(), scope: z.enum(['assignedToThem', 'unassigned']) }),
]);
export type Trigger = z.output<typeof triggerSchema>;
export type TriggerType = Trigger['type'];

const tag = plainText(z.string().trim().min(1).max(100));

export const assignTargetSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('person'), personId: id }),
  /**
   * The next teammate on duty now, in turn, skipping anyone who already has `cap` open
   * conversations. `personIds` empty: everyone in the team. Nobody eligible: left unassigned.
   */
  z.strictObject({ mode: z.literal('roundRobin'), personIds: z.array(id).max(100).default([]), cap: z.number().int().min(1).max(10_000).nullable().default(null) }),
]);

export const PRIORITIES = ['low', 'normal', 'high'] as const;
/** Stored in conversations.priority. */
export const PRIORITY_VALUES: Readonly<Record<(typeof PRIORITIES)[number], number>> = { low: -1, normal: 0, high: 1 };

export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('addTag'), tag }),
  z.strictObject({ type: z.literal('removeTag'), tag }),
  z.strictObject({ type: z.literal('setPriority'), priority: z.enum(PRIORITIES) }),
  z.strictObject({ type: z.literal('assign'), to: assignTargetSchema }),
  z.strictObject({ type: z.literal('snooze'), minutes: z.number().int().min(1).max(43_200) }),
  z.strictObject({ type: z.literal('markDone') }),
  z.strictObject({ type: z.literal('markSpam') }),
  /** The existing escalation: on duty, else on call. */
  z.strictObject({ type: z.literal('markUrgent') }),
  /** On the platform, through the outbox, like a person's moderation. */
  z.strictObject({ type: z.literal('hide') }),
  z.strictObject({ type: z.literal('delete') }),
  /**
   * A template, through the outbox and the away replies' safeguards: never to spam or hostile
   * messages, never echoing a stranger's words; once per conversation unless told otherwise.
   */
  z.strictObject({ type: z.literal('reply'), templateId: id, oncePerConversation: z.boolean().default(true) }),
  z.strictObject({ type: z.literal('addNote'), text: z.string().trim().min(1).max(2_000) }),
  /** Null: the conversation's assignee, or me when nobody has it. Held while that person is off duty. */
  z.strictObject({ type: z.literal('notify'), personId: id.nullable() }),
]);
export type RuleAction = z.output<typeof actionSchema>;
export type RuleActionType = RuleAction['type'];

export const ruleDefinitionSchema = z.strictObject({
  name: plainText(z.string().trim().min(1).max(120)),
  isEnabled: z.boolean().default(false),
  trigger: triggerSchema,
  /** `{ all: [] }`: every message the trigger brings. */
  when: conditionGroupSchema.default({ all: [] }),
  actions: z.array(actionSchema).min(1).max(20),
  /** Later rules do not run on what this rule matched. */
  stopProcessing: z.boolean().default(false),
});
export type RuleDefinition = z.output<typeof ruleDefinitionSchema>;
export type RuleDefinitionInput = z.input<typeof ruleDefinitionSchema>;

export const RULES_FILE_FORMAT = 'pieuvre-rules';
/** A file of rules, as `rules export` writes and `rules import` reads. */
export const rulesFileSchema = z.strictObject({
  format: z.literal(RULES_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime().optional(),
  rules: z.array(ruleDefinitionSchema).max(500),
});
export type RulesFile = z.output<typeof rulesFileSchema>;
