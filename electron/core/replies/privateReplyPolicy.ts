import type { ReplyCheck, ReplyProblem } from '../../../shared/api/replies';
import type { ReplyLimits } from '../connectors/connector';
import type { CheckOptions, ReplySituation } from './replyPolicy';

/**
 * Meta's Private Replies as the reply rules see them: for a comment on a platform that has them,
 * until when its author can be answered in Messenger (7 days after the comment) and whether the
 * one private reply it takes is already sent or queued. Null: not offered.
 */
export function privateReplyStatus(limits: ReplyLimits, situation: ReplySituation): ReplyCheck['privateReply'] {
  if (limits.privateReplyWindowMs === undefined || situation.kind !== 'comment' || !situation.privateReply) return null;
  return { closesAt: situation.privateReply.commentAt + limits.privateReplyWindowMs, isUsed: situation.privateReply.isUsed };
}

/** Why a private reply cannot go: none here, one already used, or its 7 days over (by the scheduled time). */
export function privateReplyProblems(status: ReplyCheck['privateReply'], options: CheckOptions): ReplyProblem[] {
  if (status === null) return [{ code: 'private_reply_unavailable' }];
  if (status.isUsed) return [{ code: 'private_reply_used' }];
  if (options.sendAt < status.closesAt) return [];
  return [options.sendAt > options.now && options.now < status.closesAt ? { code: 'closes_before_send', closesAt: status.closesAt, sendAt: options.sendAt } : { code: 'private_reply_closed', closedAt: status.closesAt }];
}
