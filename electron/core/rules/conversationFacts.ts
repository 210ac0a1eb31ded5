import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/** The conversation's fields rules change, as a row. */
export type ConversationNow = { status: string; assignee_id: string | null; urgent_at: number | null };

/**
 * A conversation's tag names. The name is looked up per tag row: the same query written as a
 * join measured 7 to 9 µs a call against 1.3 (SQLite 3.54, 30,000 messages), on every message
 * a tag condition reads and every tag a rule adds.
 */
export const conversationTagNames = (db: Db, conversationSeq: number): string[] =>
  cachedStatement<[number], string>(db, 'SELECT (SELECT name FROM tags WHERE seq = tag_seq) FROM conversation_tags WHERE conversation_seq = ?').pluck().all(conversationSeq);

/** Where a target's facts read its conversation's tag names: a live run writes the links it added first. */
export type TagNamesOf = (conversationSeq: number) => string[];

/**
 * The facts of a target's conversation that rules change (status, assignee, urgent, tags), the
 * base of a target's facts. After a rule changed the conversation they are read again when a
 * condition next asks, and only then: reading them again after every rule that tagged, into a
 * new object wrapping the message's facts, measured about a tenth of ingest with fifty rules,
 * and few rules read them at all. A base class rather than a member: no second object per message.
 */
export abstract class ConversationFacts {
  private isStale = false;
  private tagNames: string[] | undefined;

  constructor(
    protected readonly db: Db,
    private readonly conversationSeq: number,
    private conversation: ConversationNow,
    private readonly tagNamesOf: TagNamesOf,
  ) {}

  /** A rule (or an earlier message's rule) changed the conversation. */
  conversationChanged(): void {
    this.isStale = true;
    this.tagNames = undefined;
  }

  private now(): ConversationNow {
    if (this.isStale) {
      // No action removes a conversation (moderation goes through the outbox): the row is there.
      this.conversation = cachedStatement<[number], ConversationNow>(this.db, 'SELECT status, assignee_id, urgent_at FROM conversations WHERE seq = ?').get(this.conversationSeq) ?? this.conversation;
      this.isStale = false;
    }
    return this.conversation;
  }

  get status(): string {
    return this.now().status;
  }

  get assignee(): string | null {
    return this.now().assignee_id;
  }

  get urgent(): boolean {
    return this.now().urgent_at !== null;
  }

  get tags(): string[] {
    return (this.tagNames ??= this.tagNamesOf(this.conversationSeq));
  }
}
