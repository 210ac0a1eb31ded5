import type { AwayReplySettings, AwaySkipReason } from '../../../shared/api/awayReplies';
import { HOSTILE_THRESHOLD, type ConversationKind, type ConversationStatus } from '../../../shared/domain/entities';
import type { Schedule } from '../../../shared/schedule';
import { isWithinBusinessHours } from '../accounts/businessHours';
import { offPeriodStart } from './businessClosure';

/**
 * A message written longer ago than this is a backlog (a first sync, an account reconnected
 * after a weekend), not someone waiting now: a late "we are closed" would only confuse them.
 */
export const RECENT_MS = 2 * 3_600_000;

/** An away reply already queued: for the off period starting at `periodStart`, at `at`. */
export type EarlierAwayReply = { periodStart: number; at: number };

/** Everything the decision looks at, read from the message, its conversation and the account. */
export type AwayReplyCase = {
  settings: AwayReplySettings;
  direction: 'in' | 'out';
  kind: ConversationKind;
  status: ConversationStatus;
  /** The message's hostility score, 0..1. */
  hostility: number;
  /** The account's business hours; null: always open. */
  hours: Schedule | null;
  /** When the person wrote the message, and when Pieuvre decides. */
  writtenAt: number;
  now: number;
  /** The away replies this conversation already got. */
  earlier: readonly EarlierAwayReply[];
  /** When someone last answered this conversation by hand, or was about to; null if never. */
  lastHumanReplyAt: number | null;
};

/** Not a case for an away reply at all: nothing to record. */
export type AwayIgnoreReason = 'outbound' | 'disabled' | 'comment' | 'backlog' | 'open' | 'alreadyAnswered';

export type AwayDecision =
  | { kind: 'send'; periodStart: number; templateId: string }
  | { kind: 'skip'; periodStart: number; reason: AwaySkipReason }
  | { kind: 'ignore'; reason: AwayIgnoreReason };

/**
 * The part of the decision that needs no database: most stored messages (ours, or a backlog
 * fetched on first sync) stop here, before their facts are read.
 */
export const mayNeedAwayReply = (message: Pick<AwayReplyCase, 'direction' | 'writtenAt' | 'now'>): boolean =>
  message.direction === 'in' && message.now - message.writtenAt <= RECENT_MS;

/**
 * Whether a newly stored message gets an away reply: an inbound DM (or comment, if the
 * settings say so), written recently, while the account is closed and still closed now,
 * in an off period this conversation got none for yet. Never to spam or to a hostile
 * message (an automatic answer only rewards them), never once someone answered by hand in
 * this off period. Skips a person would ask about carry their reason; the rest are ignored.
 */
export function decideAwayReply(input: AwayReplyCase): AwayDecision {
  const ignore = (reason: AwayIgnoreReason): AwayDecision => ({ kind: 'ignore', reason });
  if (!mayNeedAwayReply(input)) return ignore(input.direction === 'out' ? 'outbound' : 'backlog');
  if (!input.settings.isEnabled) return ignore('disabled');
  if (input.kind !== 'dm' && !input.settings.includesComments) return ignore('comment');
  const periodStart = offPeriodStart(input.hours, input.writtenAt);
  // Open again by now: a person will answer it.
  if (periodStart === null || isWithinBusinessHours(input.hours, input.now)) return ignore('open');
  // By its period, or by its time should the business hours have been edited since.
  if (input.earlier.some((reply) => reply.periodStart === periodStart || reply.at >= periodStart)) return ignore('alreadyAnswered');
  const skip = (reason: AwaySkipReason): AwayDecision => ({ kind: 'skip', periodStart, reason });
  if (input.status === 'spam') return skip('spam');
  if (input.hostility >= HOSTILE_THRESHOLD) return skip('hostile');
  if (input.lastHumanReplyAt !== null && input.lastHumanReplyAt >= periodStart) return skip('teammateReplied');
  if (input.settings.templateId === null) return skip('noTemplate');
  return { kind: 'send', periodStart, templateId: input.settings.templateId };
}

export type SendTimeCase = Pick<AwayReplyCase, 'status' | 'hours' | 'now' | 'lastHumanReplyAt'> & { periodStart: number };

/**
 * The same rules again as the away reply is about to leave (it waits while its account is
 * offline or rate-limited): marked spam meanwhile, someone answered by hand since the off
 * period began, or the account has opened, and it goes no more.
 */
export function vetoAtSendTime(input: SendTimeCase): Extract<AwaySkipReason, 'spam' | 'teammateReplied' | 'openAgain'> | null {
  if (input.status === 'spam') return 'spam';
  if (input.lastHumanReplyAt !== null && input.lastHumanReplyAt >= input.periodStart) return 'teammateReplied';
  if (isWithinBusinessHours(input.hours, input.now)) return 'openAgain';
  return null;
}
