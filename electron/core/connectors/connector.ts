import type { IncomingItemInput } from '../../../shared/domain/incomingItem';
import type { Platform } from '../../../shared/domain/platform';

/**
 * The one interface every platform connector implements (demo included). Connectors
 * normalise platform payloads; ingest validates, stores and quarantines.
 */
export interface Connector {
  readonly platform: Platform;
  readonly limits: ReplyLimits;
  /** One page of new items after `cursor` (null: from the start). Never loses a cursor on error. */
  poll(cursor: string | null): Promise<PollResult>;
  reply(request: ReplyRequest): Promise<SentReply>;
  moderate(request: ModerationRequest): Promise<void>;
}

export type PollResult = {
  /** Normalised items; typed loosely on purpose: ingest validates each one and quarantines failures. */
  items: (IncomingItemInput | Record<string, unknown>)[];
  nextCursor: string | null;
};

export type ReplyLimits = {
  /** Maximum length of a public reply, in `lengthUnit`. */
  maxLength: number;
  lengthUnit: 'characters' | 'graphemes' | 'twitter-weighted';
  /** Maximum length of a direct message, when it differs. */
  dmMaxLength: number | null;
  /** How long after the person's last message a DM can still be answered; null: no window. */
  dmReplyWindowMs: number | null;
};

export type ReplyRequest = {
  threadExternalId: string;
  /** The message answered: a comment for a comment reply; null for a DM. */
  inReplyToExternalId: string | null;
  kind: 'comment' | 'dm' | 'mention';
  text: string;
  /** Same key, same reply: a connector never posts twice for one key. */
  idempotencyKey: string;
};

export type SentReply = { externalId: string; createdAt: number; permalink: string | null };

export type ModerationAction = 'hide' | 'unhide' | 'delete' | 'block_author';
export type ModerationRequest = { action: ModerationAction; messageExternalId: string; authorExternalId: string };
