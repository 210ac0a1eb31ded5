import { BOOLEAN_FIELD_TESTS, isBooleanField, isStringField, STRING_FIELD_TESTS } from './fieldTests';
import { compileRegex } from './regex';
import type { RULE_FIELDS, RuleField } from './ruleFields';
import type { Condition, ConditionGroup, ConditionNode } from './ruleSchema';
import { foldForRules, foldedForRules as folded, sharedWordMatcher } from './wordMatcher';

type FactOfKind = { text: string | null; number: number | null; boolean: boolean; choice: string; tags: readonly string[] };

/**
 * What conditions read: one value per field. The engine builds it with lazy getters, so a rule
 * that never asks for the spam score or the tags costs neither.
 */
export type RuleFacts = { readonly [F in RuleField]: FactOfKind[(typeof RULE_FIELDS)[F]] };

export type Predicate = (facts: RuleFacts) => boolean;

/**
 * One reader per field. `facts[field]` in one closure shared by every condition is one property
 * load seeing every field's name (megamorphic: a look-up in a cache each time); a function per
 * field keeps each load at one name. Fifty rules read about fifty fields a message.
 */
const FIELD_READERS: { readonly [F in RuleField]: (facts: RuleFacts) => RuleFacts[F] } = {
  platform: (facts) => facts.platform,
  account: (facts) => facts.account,
  kind: (facts) => facts.kind,
  text: (facts) => facts.text,
  authorHandle: (facts) => facts.authorHandle,
  authorName: (facts) => facts.authorName,
  authorFollowers: (facts) => facts.authorFollowers,
  authorVerified: (facts) => facts.authorVerified,
  authorVip: (facts) => facts.authorVip,
  authorBlocked: (facts) => facts.authorBlocked,
  language: (facts) => facts.language,
  hostility: (facts) => facts.hostility,
  spamScore: (facts) => facts.spamScore,
  hasLink: (facts) => facts.hasLink,
  hasEmail: (facts) => facts.hasEmail,
  hasPhone: (facts) => facts.hasPhone,
  onlyEmoji: (facts) => facts.onlyEmoji,
  wordCount: (facts) => facts.wordCount,
  inBusinessHours: (facts) => facts.inBusinessHours,
  status: (facts) => facts.status,
  assignee: (facts) => facts.assignee,
  tags: (facts) => facts.tags,
  ageMinutes: (facts) => facts.ageMinutes,
  messageCount: (facts) => facts.messageCount,
  urgent: (facts) => facts.urgent,
};

/**
 * A string test that keeps its answer for the value it was last asked about. Equality and lists
 * are mostly asked of values that repeat message after message (the platform, the kind, the
 * language): folding each again, through the cache that the texts keep filling, cost more than
 * the rule itself.
 */
function rememberingLast(test: (value: string) => boolean): (value: string) => boolean {
  let last: string | null = null;
  let lastAnswer = false;
  return (value) => {
    if (value !== last) {
      lastAnswer = test(value);
      last = value;
    }
    return lastAnswer;
  };
}

/** A string test of the field's value, false when it is no string: the field's own function for string fields. */
function onString(field: RuleField, test: (value: string) => boolean): Predicate {
  if (isStringField(field)) return STRING_FIELD_TESTS[field](test);
  const read: (facts: RuleFacts) => unknown = FIELD_READERS[field];
  return (facts) => {
    const value = read(facts);
    return typeof value === 'string' && test(value);
  };
}

function compileCondition(condition: Condition): Predicate {
  const { field } = condition;
  const read: (facts: RuleFacts) => unknown = FIELD_READERS[field];
  switch (condition.op) {
    case 'containsAny': {
      if (field !== 'tags') return onString(field, sharedWordMatcher(condition.values));
      const tags = new Set(condition.values.map((value) => foldForRules(value)));
      return (facts) => facts.tags.some((tag) => tags.has(folded(tag)));
    }
    case 'containsAll': {
      if (field !== 'tags') {
        const holdsEach = condition.values.map((word) => sharedWordMatcher([word]));
        return onString(field, (value) => {
          for (const holds of holdsEach) if (!holds(value)) return false;
          return true;
        });
      }
      const tags = condition.values.map((value) => foldForRules(value));
      return (facts) => {
        const have = new Set(facts.tags.map((tag) => folded(tag)));
        return tags.every((tag) => have.has(tag));
      };
    }
    case 'startsWith': {
      const start = foldForRules(condition.value);
      return onString(field, (value) => folded(value).trimStart().startsWith(start));
    }
    case 'equals': {
      const expected = typeof condition.value === 'string' ? foldForRules(condition.value) : condition.value;
      if (isBooleanField(field)) return BOOLEAN_FIELD_TESTS[field](expected);
      const isExpected = rememberingLast((value) => folded(value) === expected);
      if (isStringField(field)) return onString(field, isExpected);
      return (facts) => {
        const value = read(facts);
        return typeof value === 'string' ? isExpected(value) : value === expected;
      };
    }
    case 'inList': {
      const list = new Set(condition.values.map((value) => foldForRules(value)));
      return onString(field, rememberingLast((value) => list.has(folded(value))));
    }
    case 'matches': {
      const regex = compileRegex(condition.value);
      if ('error' in regex) throw new Error(`The regular expression of ${field} does not compile: ${regex.error}`);
      return onString(field, (value) => regex.test(value));
    }
    case 'greaterThan':
      return (facts) => {
        const value = read(facts);
        return typeof value === 'number' && value > condition.value;
      };
    case 'lessThan':
      return (facts) => {
        const value = read(facts);
        return typeof value === 'number' && value < condition.value;
      };
    case 'isSet':
      return (facts) => {
        const value = read(facts);
        return Array.isArray(value) ? value.length > 0 : value !== null && value !== '' && value !== false;
      };
  }
}

function compileNode(node: ConditionNode): Predicate {
  if ('op' in node) {
    const predicate = compileCondition(node);
    return node.negate ? (facts) => !predicate(facts) : predicate;
  }
  return compileConditions(node);
}

/**
 * What a field costs to read: a stored value; something worked out from the text; a look in
 * the database (spam score, tags, message count) or a schedule (business hours).
 */
const FIELD_COST: Readonly<Record<RuleField, number>> = {
  platform: 0, account: 0, kind: 0, authorFollowers: 0, authorVerified: 0, authorVip: 0, authorBlocked: 0, language: 0, hostility: 0, status: 0, assignee: 0, ageMinutes: 0, urgent: 0,
  text: 1, authorHandle: 1, authorName: 1, hasLink: 1, hasEmail: 1, hasPhone: 1, onlyEmoji: 1, wordCount: 1,
  spamScore: 2, tags: 2, messageCount: 2, inBusinessHours: 2,
};

/** A node's cost: its field's (a regular expression a step more), a group's dearest member. */
const costOf = (node: ConditionNode): number =>
  'op' in node ? FIELD_COST[node.field] + (node.op === 'matches' ? 1 : 0) : Math.max(0, ...('all' in node ? node.all : node.any).map(costOf));

/** The cheapest members first: `all` and `any` stop at the first answer, and the dear ones are then often never asked. */
const cheapestFirst = (nodes: readonly ConditionNode[]): Predicate[] =>
  nodes
    .map((node) => ({ node, cost: costOf(node) }))
    .sort((left, right) => left.cost - right.cost)
    .map(({ node }) => compileNode(node));

/**
 * A condition group as one plain function, built once per rule version: `all` of nothing is
 * true (a rule with no conditions matches every message its trigger brings), `any` of nothing
 * is false. Members are tried cheapest first; they only read facts, so the order never changes
 * the answer.
 */
export function compileConditions(group: ConditionGroup): Predicate {
  // Loops rather than every() and some(): no closure allocated per group and message.
  if ('all' in group) {
    const parts = cheapestFirst(group.all);
    return (facts) => {
      for (const part of parts) if (!part(facts)) return false;
      return true;
    };
  }
  const parts = cheapestFirst(group.any);
  return (facts) => {
    for (const part of parts) if (part(facts)) return true;
    return false;
  };
}
