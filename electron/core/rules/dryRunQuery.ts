import type { Condition, ConditionGroup, ConditionNode } from '../../../shared/rules/ruleSchema';
import { foldForRules } from '../../../shared/rules/wordMatcher';
import type { RuleField } from '../../../shared/rules/ruleFields';
import { FACT_COLUMNS, FACT_JOINS } from './ruleFacts';

/**
 * The SQL that brings a dry run its candidate messages: every message from a person in the
 * period, narrowed by what the conditions allow SQL to decide. Narrowing only ever keeps a
 * superset of the matches: the compiled predicate still confirms each candidate, so the dry run
 * matches exactly what the live rule would.
 */
export type CandidateQuery = { sql: string; params: (string | number)[] };

const isCondition = (node: ConditionNode): node is Condition => 'op' in node;
const childrenOf = (group: ConditionGroup): ConditionNode[] => ('all' in group ? group.all : group.any);

/**
 * Words the full-text index can find exactly as the predicate does: letters and digits, maybe
 * several (a phrase, an elision), maybe a trailing `*`. An emoji or a symbol is not in the index,
 * so a rule with one is not narrowed that way.
 */
const INDEXABLE = /^[a-z0-9]+(?:[ '’-][a-z0-9]+)*\*?$/u;

const ftsTerm = (word: string): string | null => {
  const folded = foldForRules(word.trim());
  if (!INDEXABLE.test(folded)) return null;
  const isPrefix = folded.endsWith('*');
  const tokens = folded.replace(/\*$/u, '').split(/[ '’-]/u).join(' ');
  return `"${tokens}"${isPrefix ? '*' : ''}`;
};

/** The words of one condition a matching message must contain one of, or null. */
function requiredWordsOf(condition: Condition): string[] | null {
  if (condition.negate || condition.field !== 'text') return null;
  // Every word is required by containsAll: one is enough to narrow, the first will do.
  if (condition.op === 'containsAny') return condition.values;
  if (condition.op === 'containsAll') return [condition.values[0] as string];
  return null;
}

/**
 * Words such that every message the group matches contains at least one of them, or null when
 * some path through the group needs none (then the index cannot narrow it).
 */
export function requiredWords(group: ConditionGroup): string[] | null {
  const parts = childrenOf(group).map((node) => (isCondition(node) ? requiredWordsOf(node) : requiredWords(node)));
  if ('all' in group) return parts.filter((words): words is string[] => words !== null).sort((a, b) => a.length - b.length)[0] ?? null;
  if (parts.length === 0 || parts.some((words) => words === null)) return null;
  return parts.flatMap((words) => words ?? []);
}

/** The FTS5 query over the text column for these words, or null when one cannot be searched. */
export function ftsQueryFor(words: readonly string[]): string | null {
  const terms = words.map(ftsTerm);
  if (terms.some((term) => term === null)) return null;
  return `text : (${[...new Set(terms)].join(' OR ')})`;
}

/** A conversation kind as stored, for a message kind a condition names ("reply" is a comment). */
const STORED_KIND: Record<string, string> = { comment: 'comment', reply: 'comment', mention: 'mention', dm: 'dm' };

type Filter = { sql: string; params: (string | number)[] };

/** Fields compared to a stored text (folded as the predicate folds them): equals or in list. */
const CHOICE_COLUMNS: Partial<Record<RuleField, string>> = { platform: 'c.platform', account: 'lower(a.id)', kind: 'c.kind', status: 'c.status' };
/** Fields read from a number column; NULL compares false in SQL as a missing number does in the predicate. */
const NUMBER_COLUMNS: Partial<Record<RuleField, string>> = { hostility: 'm.hostility', authorFollowers: 'ct.follower_count' };
/** Boolean fields: the SQL that is true exactly when the fact is. */
const BOOLEAN_SQL: Partial<Record<RuleField, string>> = {
  authorVerified: 'ct.is_verified IS 1',
  authorVip: 'ct.is_vip IS 1',
  authorBlocked: 'ct.blocked_at IS NOT NULL',
  urgent: 'c.urgent_at IS NOT NULL',
};
const COMPARISON = { equals: '=', greaterThan: '>', lessThan: '<' } as const;

function filterOf(condition: Condition): Filter | null {
  if (condition.negate) return null;
  const { field } = condition;
  const choice = CHOICE_COLUMNS[field];
  if (choice && (condition.op === 'equals' || condition.op === 'inList')) {
    const values = condition.op === 'equals' ? [condition.value] : condition.values;
    if (values.some((value) => typeof value !== 'string')) return null;
    const folded = (values as string[]).map((value) => foldForRules(value));
    // The schema allows only the known kinds: each has its stored one.
    const allowed = [...new Set(field === 'kind' ? folded.map((kind) => STORED_KIND[kind] ?? kind) : folded)];
    return { sql: `${choice} IN (${allowed.map(() => '?').join(', ')})`, params: allowed };
  }
  const number = NUMBER_COLUMNS[field];
  if (number && (condition.op === 'equals' || condition.op === 'greaterThan' || condition.op === 'lessThan') && typeof condition.value === 'number') {
    return { sql: `${number} ${COMPARISON[condition.op]} ?`, params: [condition.value] };
  }
  const flag = BOOLEAN_SQL[field];
  if (flag && condition.op === 'equals' && typeof condition.value === 'boolean') return { sql: condition.value ? flag : `NOT (${flag})`, params: [] };
  return null;
}

/** The SQL for the top-level `all` conditions that read a column as it is: each narrows the scan. */
function columnFilters(group: ConditionGroup): Filter[] {
  if (!('all' in group)) return [];
  return group.all.flatMap((node) => {
    const filter = isCondition(node) ? filterOf(node) : null;
    return filter ? [filter] : [];
  });
}

/** Every message from a person received in [since, until], narrowed by `when`, oldest first. */
export function candidateQuery(when: ConditionGroup, since: number, until: number): CandidateQuery {
  const where = ["m.direction = 'in'", 'm.received_at >= ?', 'm.received_at <= ?'];
  const params: (string | number)[] = [since, until];
  const words = requiredWords(when);
  const match = words === null ? null : ftsQueryFor(words);
  if (match !== null) {
    where.push('m.seq IN (SELECT rowid FROM message_search WHERE message_search MATCH ?)');
    params.push(match);
  }
  for (const filter of columnFilters(when)) {
    where.push(filter.sql);
    params.push(...filter.params);
  }
  return { sql: `SELECT ${FACT_COLUMNS} FROM messages m ${FACT_JOINS} WHERE ${where.join(' AND ')} ORDER BY m.seq`, params };
}
