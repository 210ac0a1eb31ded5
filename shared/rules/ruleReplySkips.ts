/** Why a rule's reply was not queued, or not sent (spam and teammateReplied at send time too): the history says it in the person's words. */
export const RULE_REPLY_SKIP_REASONS = ['spam', 'hostile', 'spamScore', 'alreadyReplied', 'alreadyQueued', 'teammateReplied', 'noTemplate', 'templateProblem', 'platformRefused'] as const;
export type RuleReplySkip = (typeof RULE_REPLY_SKIP_REASONS)[number];
export const isRuleReplySkip = (reason: unknown): reason is RuleReplySkip => RULE_REPLY_SKIP_REASONS.some((known) => known === reason);
