import type { ReplyLimits } from './connector';

/**
 * The reply rules of a platform that restricts nothing beyond lengths: no messaging window,
 * anyone may be answered, hidden comments too. A platform's limits spread this and say only
 * where they differ (Meta's window, X's mentions, Instagram's hidden comments).
 */
export const OPEN_REPLIES = {
  dmReplyWindowMs: null,
  dmHumanAgentWindowMs: null,
  repliesNeedMention: false,
  hiddenCommentsTakeNoReply: false,
} as const satisfies Partial<ReplyLimits>;
