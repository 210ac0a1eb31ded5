/**
 * What a rule's conditions can look at, and which operators each field takes. The editor builds
 * its pickers from this list, the schema refuses a condition whose operator does not fit its
 * field, and the engine compiles each field through the same table.
 *
 * Value kinds:
 * - `text`: a string (words, start, equality, list, regular expression, is set).
 * - `number`: compared with equals, greater than, less than.
 * - `boolean`: equals true/false.
 * - `choice`: one of a closed list (platform, kind, status); equals or in list.
 * - `tags`: the conversation's tags, a set of names; contains any / all of them, is set.
 */
export const VALUE_KINDS = ['text', 'number', 'boolean', 'choice', 'tags'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export const OPERATORS = ['containsAny', 'containsAll', 'startsWith', 'equals', 'inList', 'matches', 'greaterThan', 'lessThan', 'isSet'] as const;
export type Operator = (typeof OPERATORS)[number];

export const OPERATORS_BY_KIND: Readonly<Record<ValueKind, readonly Operator[]>> = {
  text: ['containsAny', 'containsAll', 'startsWith', 'equals', 'inList', 'matches', 'isSet'],
  number: ['equals', 'greaterThan', 'lessThan', 'isSet'],
  boolean: ['equals'],
  choice: ['equals', 'inList'],
  tags: ['containsAny', 'containsAll', 'isSet'],
};

/**
 * Every field, with its value kind. Message fields are about the message that triggered the rule
 * (for a conversation or time trigger: the conversation's latest message from a person).
 */
export const RULE_FIELDS = {
  platform: 'choice',
  account: 'choice',
  /** The item's kind: comment, reply, mention or dm. */
  kind: 'choice',
  text: 'text',
  authorHandle: 'text',
  authorName: 'text',
  authorFollowers: 'number',
  authorVerified: 'boolean',
  /** On the workspace's VIP list (contacts marked VIP). */
  authorVip: 'boolean',
  /** Blocked on their platform from Pieuvre. */
  authorBlocked: 'boolean',
  /** BCP 47 primary language ("fr", "en"), when known. */
  language: 'text',
  /** 0 to 1: the hostile-content shield's score. */
  hostility: 'number',
  /** 0 to 1: the local spam score. */
  spamScore: 'number',
  hasLink: 'boolean',
  hasEmail: 'boolean',
  hasPhone: 'boolean',
  onlyEmoji: 'boolean',
  wordCount: 'number',
  /** Written inside the account's business hours (always true for an account without hours). */
  inBusinessHours: 'boolean',
  status: 'choice',
  /** A person's id; "is set" for assigned at all. */
  assignee: 'text',
  tags: 'tags',
  /** Minutes since the conversation began. */
  ageMinutes: 'number',
  messageCount: 'number',
  urgent: 'boolean',
} as const satisfies Record<string, ValueKind>;

export type RuleField = keyof typeof RULE_FIELDS;
export const RULE_FIELD_NAMES = Object.keys(RULE_FIELDS) as RuleField[];

/** The closed lists of `choice` fields that are not workspace data (accounts are). */
export const FIELD_CHOICES = {
  platform: ['facebook', 'instagram', 'youtube', 'x', 'bluesky', 'mastodon', 'reddit', 'tiktok', 'linkedin'],
  kind: ['comment', 'reply', 'mention', 'dm'],
  status: ['open', 'snoozed', 'done', 'spam'],
} as const;

export const operatorFits = (field: RuleField, operator: Operator): boolean => OPERATORS_BY_KIND[RULE_FIELDS[field]].includes(operator);
