import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ruleDefinitionSchema, type RuleDefinition } from '../../../shared/rules/ruleSchema';
import { RULE_FIELDS } from '../../../shared/rules/ruleFields';
import { controlCharacterOf } from '../../../shared/text/plainText';
import { isGroup, nodeKeyAt, toDefinition, type DraftNode, type RuleDraft } from './ruleDraft';

/** Where a problem shows: the name, the trigger, the actions list, or one condition, group or action by its key. */
export type RuleProblems = Record<string, string>;
export type CheckedDraft = { definition: RuleDefinition; problems: null } | { definition: null; problems: RuleProblems };

/**
 * The draft checked by the same schema the core applies, each refusal put on the field it is
 * about and worded in the person's language: never the schema's own English.
 */
export function checkDraft(t: TFunction, draft: RuleDraft): CheckedDraft {
  const parsed = ruleDefinitionSchema.safeParse(toDefinition(draft));
  if (parsed.success) return { definition: parsed.data, problems: null };
  const problems: RuleProblems = {};
  for (const issue of parsed.error.issues.flatMap((found) => leavesOf(found, []))) {
    const { key, message } = placeIssue(t, draft, issue);
    problems[key] ??= message;
  }
  return { definition: null, problems };
}

/**
 * A condition node is a condition or a group: a bad value deep inside comes back as "no option of
 * the union fits" on the node. The option that got furthest (the deepest path) says what is wrong.
 */
function leavesOf(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): z.core.$ZodIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ ...issue, path }];
  const branches = issue.errors.map((branch) => branch.flatMap((inner) => leavesOf(inner, path)));
  const depth = (issues: z.core.$ZodIssue[]) => Math.max(0, ...issues.map((inner) => inner.path.length));
  return branches.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
}

function placeIssue(t: TFunction, draft: RuleDraft, issue: z.core.$ZodIssue): { key: string; message: string } {
  const [top, ...path] = issue.path;
  const control = controlCharacterOf(issue);
  const wording = (fallback: string) => (control ? t('rules.problem.controlCharacter', control) : fallback);
  if (top === 'name') return { key: 'name', message: wording(t('rules.problem.name')) };
  if (top === 'trigger') return { key: 'trigger', message: t(draft.trigger.type === 'conversationChanged' ? 'rules.problem.changes' : 'rules.problem.workingMinutes') };
  if (top === 'actions') {
    const action = typeof path[0] === 'number' ? draft.actions[path[0]] : undefined;
    if (!action) return { key: 'actions', message: t(draft.actions.length === 0 ? 'rules.problem.noAction' : 'rules.problem.tooManyActions') };
    return { key: action.key, message: wording(t(`rules.problem.action.${action.action.type}`)) };
  }
  if (top === 'when') {
    const { key } = nodeKeyAt(draft.when, path);
    const node = findNode(draft.when, key);
    if (!node || isGroup(node)) return { key, message: t('rules.problem.tooDeep') };
    if (node.op === 'matches') return { key, message: t('rules.problem.regex') };
    const kind = RULE_FIELDS[node.field];
    return { key, message: wording(t(kind === 'number' ? 'rules.problem.number' : ['containsAny', 'containsAll'].includes(node.op) ? 'rules.problem.words' : 'rules.problem.value')) };
  }
  return { key: 'name', message: t('rules.problem.other') };
}

function findNode(node: DraftNode, key: string): DraftNode | null {
  if (node.key === key) return node;
  if (!isGroup(node)) return null;
  for (const child of node.children) {
    const found = findNode(child, key);
    if (found) return found;
  }
  return null;
}
