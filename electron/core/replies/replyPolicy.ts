import type { ReplyCheck, ReplyProblem } from '../../../shared/api/replies';
import type { ConversationKind } from '../../../shared/domain/entities';
import { dmReplyWindow } from '../../../shared/domain/replyWindow';
import type { ReplyLimits } from '../connectors/connector';
import { privateReplyProblems, privateReplyStatus } from './privateReplyPolicy';
import { measureReply } from './replyLength';

/** What the platform's rules look at, read from the conversation. */
export type ReplySituation = {
  kind: ConversationKind;
  /** When the person last wrote: DM windows count from there. */
  lastInboundAt: number | null;
  /** The message answered (comments and mentions). */
  answered: { text: string; isHidden: boolean } | null;
  accountHandle: string;
  /** A comment's private reply: when the comment was written, and whether one is sent or queued already. */
  privateReply?: { commentAt: number; isUsed: boolean } | null;
};

export type CheckOptions = {
  now: number;
  /** When it will be sent: now, or a scheduled time. */
  sendAt: number;
  /** Typed by a person: Meta lets a person, never an automation, answer under HUMAN_AGENT. */
  isHumanTyped: boolean;
  /** A private reply in Messenger to the comment's author (Meta): a Messenger text, with its own window. */
  privately?: boolean;
};

/**
 * The one place a reply meets its platform's rules: the composer asks it as the person types,
 * the outbox when queueing and again just before sending, so a reply scheduled past a closing
 * window fails with the reason instead of being sent into a rejection.
 */
export function checkReply(limits: ReplyLimits, situation: ReplySituation, text: string, options: CheckOptions): ReplyCheck {
  const isDm = situation.kind === 'dm';
  const privateReply = privateReplyStatus(limits, situation);
  const isMessage = isDm || options.privately === true;
  const maxLength = isMessage ? (limits.dmMaxLength ?? limits.maxLength) : limits.maxLength;
  const lengthUnit = isMessage ? (limits.dmLengthUnit ?? limits.lengthUnit) : limits.lengthUnit;
  const { length, isAtLeast, isAtMost } = measureReply(text, lengthUnit, maxLength);
  const problems: ReplyProblem[] = [];
  if (length > maxLength) problems.push({ code: 'too_long', length, max: maxLength, isAtLeast });
  const window = isDm ? dmReplyWindow(limits, situation.lastInboundAt, options.isHumanTyped) : null;
  const lastChance = window ? (window.humanAgentClosesAt ?? window.closesAt) : Infinity;
  if (options.sendAt >= lastChance) {
    problems.push(options.sendAt > options.now && options.now < lastChance ? { code: 'closes_before_send', closesAt: lastChance, sendAt: options.sendAt } : { code: 'window_closed', closedAt: lastChance });
  }
  if (limits.repliesNeedMention && situation.kind === 'mention' && situation.answered && !mentions(situation.answered.text, situation.accountHandle)) {
    problems.push({ code: 'needs_mention', handle: situation.accountHandle });
  }
  if (limits.hiddenCommentsTakeNoReply && situation.kind === 'comment' && situation.answered?.isHidden) problems.push({ code: 'comment_hidden' });
  if (options.privately) problems.push(...privateReplyProblems(privateReply, options));
  return {
    length,
    isLengthAtLeast: isAtLeast,
    isLengthAtMost: isAtMost,
    maxLength,
    lengthUnit,
    window,
    needsHumanAgent: window !== null && options.sendAt >= window.closesAt && options.sendAt < lastChance,
    privateReply,
    problems,
  };
}

/** "@BrulerieCastor" anywhere, not as part of a longer handle, in any case. */
function mentions(text: string, handle: string): boolean {
  const bare = handle.replace(/^@/, '').toLowerCase();
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_@.]+/u)
    .some((word) => word.replace(/[.]+$/, '') === `@${bare}`);
}

/** The first problem, in English: the outbox keeps it as the reason a reply was not sent. */
export function describeProblem(problem: ReplyProblem): string {
  const at = (time: number) => new Date(time).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  switch (problem.code) {
    case 'too_long':
      return `The reply is ${problem.isAtLeast ? 'at least ' : ''}${problem.length} long; this platform takes at most ${problem.max}.`;
    case 'window_closed':
      return `The platform's reply window for this conversation closed at ${at(problem.closedAt)}.`;
    case 'closes_before_send':
      return `The platform's reply window closes at ${at(problem.closesAt)}, before the scheduled time.`;
    case 'needs_mention':
      return `X only takes replies to posts that mention or quote @${problem.handle.replace(/^@/, '')}.`;
    case 'comment_hidden':
      return 'This comment is hidden on the platform, which takes no reply to it.';
    case 'private_reply_closed':
      return `A private reply to this comment was possible until ${at(problem.closedAt)} (7 days after it).`;
    case 'private_reply_used':
      return 'This comment already has its one private reply (sent or waiting to be sent).';
    case 'private_reply_unavailable':
      return 'This platform or conversation takes no private reply.';
  }
}
