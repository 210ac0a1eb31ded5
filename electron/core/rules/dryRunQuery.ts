import type { Condition, ConditionGroup, ConditionNode } from '../../../shared/rules/ruleSchema';
import { foldText } from '../../../shared/text/foldText';
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
  const folded = foldText(word.trim());
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

/**
 * The SQL for the top-level `all` conditions on platform, account and kind: the values they
 * allow (folded, as the predicate compares them).
 */
function choiceFilters(group: ConditionGroup): { sql: string; params: string[] }[] {
  if (!('all' in group)) return [];
  const columns = { platform: 'c.platform', account: 'lower(a.id)', kind: 'c.kind' } as const;
  return group.all.flatMap((node) => {
    if (!isCondition(node) || node.negate || !(node.field in columns)) return [];
    const field = node.field as keyof typeof columns;
    const values = node.op === 'equals' ? [node.value] : node.op === 'inList' ? node.values : null;
    if (values === null || values.some((value) => typeof value !== 'string')) return [];
    const folded = (values as string[]).map((value) => foldText(value));
    // The schema allows only the known kinds: each has its stored one.
    const allowed = field === 'kind' ? [...new Set(folded.map((kind) => STORED_KIND[kind] ?? kind))] : folded;
    return [{ sql: `${columns[field]} IN (${allowed.map(() => '?').join(', ')})`, params: allowed }];
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
  for (const filter of choiceFilters(when)) {
    where.push(filter.sql);
    params.push(...filter.params);
  }
  return { sql: `SELECT ${FACT_COLUMNS} FROM messages m ${FACT_JOINS} WHERE ${where.join(' AND ')} ORDER BY m.seq`, params };
}
