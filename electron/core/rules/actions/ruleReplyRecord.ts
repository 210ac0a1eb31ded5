import type { RuleReplySkip } from '../../../../shared/rules/ruleReplySkips';
import { prepareActivityWriter } from '../../store/activity';
import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';
import { ruleActor } from '../ruleRecords';

/** The reason in words (English, like the outbox's): the dry run's detail, the outbox's last error. */
export const RULE_REPLY_SKIPS: Readonly<Record<RuleReplySkip, string>> = {
  spam: 'Not sent: the conversation is marked as spam.',
  hostile: 'Not sent: the message is hostile, and an automatic answer would only reward it.',
  spamScore: 'Not sent: the message scores as spam.',
  alreadyReplied: 'Not sent: this rule already replied once in this conversation.',
  alreadyQueued: 'Not sent again: this rule already queued this reply.',
  teammateReplied: 'Not sent: someone answered this conversation by hand.',
  noTemplate: 'Not sent: the template is gone, or has no version for this conversation.',
  templateProblem: 'Not sent: the template cannot be rendered.',
  platformRefused: 'Not sent: the platform would refuse it.',
};

export type RuleRef = { id: string; name: string };

/**
 * A rule's reply not sent, on the conversation's record once per rule and reason: a hostile
 * person writing ten times leaves one line, and a replayed batch none.
 */
export function recordRuleReplySkip(db: Db, skip: { conversationId: string; rule: RuleRef; reason: RuleReplySkip; detail: string; at: number }): void {
  const known = cachedStatement<[string, string, string, string], { found: number }>(
    db,
    `SELECT 1 AS found FROM activity INDEXED BY activity_by_conversation WHERE conversation_seq = (SELECT seq FROM conversations WHERE id = ?) AND action = 'conversation.ruleReplySkipped' AND actor = ? AND data ->> '$.reason' = ? AND data ->> '$.detail' = ?`,
  ).get(skip.conversationId, ruleActor(skip.rule), skip.reason, skip.detail);
  if (known) return;
  prepareActivityWriter(db)({
    at: skip.at,
    actor: ruleActor(skip.rule),
    action: 'conversation.ruleReplySkipped',
    subjectType: 'conversation',
    subjectId: skip.conversationId,
    data: { rule: skip.rule.name, reason: skip.reason, detail: skip.detail },
  });
}
