import type { RuleFacts } from '../../../shared/rules/compileConditions';
import { isOnDuty, type Schedule } from '../../../shared/schedule';
import { hasEmail, hasLink, hasPhone, isOnlyEmoji, wordCount } from '../../../shared/text/textSignals';
import type { Db } from '../store/database';
import { ConversationFacts, type TagNamesOf } from './conversationFacts';
import type { FactRow } from './ruleFacts';

/** What a message's facts look up beyond its row: the fact reader's, shared by its messages. */
export type FactLookups = {
  hoursOf(row: FactRow): Schedule | null;
  spamScoreOf(row: FactRow, hasLink: boolean): number;
  messageCountOf(row: FactRow): number;
  tagNamesOf: TagNamesOf;
};

/**
 * One stored message's facts: its row's values as fields; what must be worked out or looked up
 * (the spam score, the signals in the text) when a condition first asks, then kept; its
 * conversation's as `ConversationFacts` reads them.
 * One object a message: an object literal with a getter per lazy fact and a memo closure each
 * allocated about twenty, on every message ingest stores, and the garbage swelled the heap.
 */
export class MessageFacts extends ConversationFacts implements RuleFacts {
  readonly platform: string;
  readonly account: string;
  readonly kind: string;
  readonly text: string;
  readonly authorHandle: string;
  readonly authorName: string;
  readonly authorFollowers: number | null;
  readonly authorVerified: boolean;
  readonly authorVip: boolean;
  readonly authorBlocked: boolean;
  readonly language: string | null;
  readonly hostility: number;
  readonly ageMinutes: number;
  private link: boolean | undefined;
  private emojiOnly: boolean | undefined;
  private words: number | undefined;
  private spam: number | undefined;
  private count: number | undefined;

  constructor(
    db: Db,
    private readonly row: FactRow,
    at: number,
    private readonly lookups: FactLookups,
  ) {
    super(db, row.conversation_seq, row, lookups.tagNamesOf);
    this.platform = row.platform;
    this.account = row.account_id;
    this.kind = row.conversation_kind === 'comment' && row.external_id !== row.thread_external_id ? 'reply' : row.conversation_kind;
    this.text = row.text;
    this.authorHandle = row.handle;
    this.authorName = row.name;
    this.authorFollowers = row.follower_count;
    this.authorVerified = row.is_verified === 1;
    this.authorVip = row.is_vip === 1;
    this.authorBlocked = row.blocked_at !== null;
    this.language = row.language;
    this.hostility = row.hostility;
    this.ageMinutes = Math.max(0, Math.floor((at - row.conversation_created_at) / 60_000));
  }

  get hasLink(): boolean {
    return (this.link ??= hasLink(this.row.text));
  }

  get spamScore(): number {
    return (this.spam ??= this.lookups.spamScoreOf(this.row, this.hasLink));
  }

  get hasEmail(): boolean {
    return hasEmail(this.row.text);
  }

  get hasPhone(): boolean {
    return hasPhone(this.row.text);
  }

  // Kept like the link: rules that sort short or emoji-only messages ask it of every message, ten rules each.
  get onlyEmoji(): boolean {
    return (this.emojiOnly ??= isOnlyEmoji(this.row.text));
  }

  get wordCount(): number {
    return (this.words ??= wordCount(this.row.text));
  }

  get inBusinessHours(): boolean {
    const hours = this.lookups.hoursOf(this.row);
    return hours === null || isOnDuty(hours, this.row.created_at);
  }

  get messageCount(): number {
    return (this.count ??= this.lookups.messageCountOf(this.row));
  }
}
