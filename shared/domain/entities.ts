import type { Platform } from './platform';
import type { Attachment } from './incomingItem';

/** Domain types the API speaks. Database rows never leave the store. */

export const CONVERSATION_KINDS = ['comment', 'mention', 'dm'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const CONVERSATION_STATUSES = ['open', 'snoozed', 'done', 'spam'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export type Account = {
  id: string;
  platform: Platform;
  externalId: string;
  name: string;
  handle: string;
  isDemo: boolean;
  createdAt: number;
};

export type Contact = {
  id: string;
  platform: Platform;
  externalId: string;
  handle: string;
  name: string;
  avatarUrl: string | null;
  followerCount: number | null;
  firstSeenAt: number;
  /** When Pieuvre blocked this author on their platform; null if it did not. */
  blockedAt: number | null;
  /** When Pieuvre muted this author on their platform; null if it did not. */
  mutedAt: number | null;
};

export type Post = {
  id: string;
  externalId: string;
  text: string;
  permalink: string | null;
  createdAt: number | null;
};

export type Conversation = {
  id: string;
  accountId: string;
  platform: Platform;
  kind: ConversationKind;
  status: ConversationStatus;
  snoozeUntil: number | null;
  assigneeId: string | null;
  priority: number;
  unreadCount: number;
  messageCount: number;
  lastMessageAt: number;
  /** When the person last wrote: platforms' DM reply windows count from there. */
  lastInboundAt: number | null;
  contact: Contact;
  snippet: string;
  /** How hostile the snippet's message reads, 0..1 (see HOSTILE_THRESHOLD). */
  snippetHostility: number;
  /** In a search's results only: why this conversation matched. */
  excerpt?: SearchExcerpt;
  /** When it was marked urgent (by a person or a rule); null if it is not. */
  urgentAt: number | null;
  /** A reply is being written here (kept by the core until sent or cleared): the list marks it. */
  hasDraft: boolean;
  tags: string[];
};

/** A piece of an excerpt: words the search found are `isMatch`; the rest is the text around them. */
export type ExcerptSegment = { text: string; isMatch: boolean };

/**
 * Part of the newest message of a conversation that matches a search, the words found marked,
 * as segments of plain text (never markup) cut from the original text, accents intact.
 */
export type SearchExcerpt = { messageId: string; segments: ExcerptSegment[]; hostility: number };

/** One line of a conversation's audit trail, for the pane ("escalated to Ana"). */
export type ActivityLine = { at: number; actor: string; action: string; data: Record<string, unknown> };

/** From this hostility score on, a message is shielded: blurred until the person reveals it. */
export const HOSTILE_THRESHOLD = 0.5;

/**
 * Who sent one of the brand's messages. `person`: queued in Pieuvre by someone of the team
 * (`personId` null once they left it; `name` as it was then; `isMe`: the person at this
 * desktop). `away_reply` and `rule`: sent by Pieuvre on its own. `platform`: the brand
 * account wrote it outside Pieuvre (its own app, another tool) and sync brought it in.
 */
export type SentBy =
  | { kind: 'person'; personId: string | null; name: string; isMe: boolean }
  | { kind: 'away_reply' }
  | { kind: 'rule'; ruleName: string }
  | { kind: 'platform' };

export type Message = {
  id: string;
  conversationId: string;
  externalId: string;
  parentExternalId: string | null;
  direction: 'in' | 'out';
  author: Contact;
  text: string;
  createdAt: number;
  receivedAt: number;
  permalink: string | null;
  isHidden: boolean;
  isDeleted: boolean;
  language: string | null;
  /** 0..1, scored locally on arrival for messages from people. */
  hostility: number;
  /** Who sent an outgoing message (the thread names them, never "You" for someone else); null for incoming ones. */
  sentBy: SentBy | null;
  /** When its author last edited it on the platform; null if never. */
  editedAt: number | null;
  /**
   * When it was deleted on the platform (it stays here, shown as deleted); null otherwise. A
   * message deleted from Pieuvre has `isDeleted` with no time.
   */
  deletedAt: number | null;
  /** Images, videos and links it came with: shown as links, never loaded without a click. */
  attachments: Attachment[];
  /**
   * The brand's private reply to a comment (Meta's Private Replies): it went to the author's
   * Messenger or Instagram inbox, not under the comment, though the comment's thread keeps it.
   */
  isPrivateReply: boolean;
};

export type ConversationDetail = Conversation & { post: Post | null; messages: Message[]; activity: ActivityLine[] };

/** A keyset page: pass `nextCursor` back to get the following page; null means the end. */
export type Page<T> = { items: T[]; nextCursor: string | null; total: number };
