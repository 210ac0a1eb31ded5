import { z } from 'zod';
import { cachedStatement } from '../../store/statementCache';
import { newId } from '../../ids';
import { adoptCreation } from './adoptCreation';
import { applier, type ApplyContext, type Applier } from './applier';
import { assigneeValue, conversationStatus, conversationValue, tagLinkValue } from './changeValues';
import { ensureContact, lowerAscii, seqOf } from './localRows';

type ConversationValue = z.infer<typeof conversationValue>;

function ensurePost(context: ApplyContext, accountSeq: number, post: NonNullable<ConversationValue['post']>): number {
  const { db } = context;
  const existing = cachedStatement<[number, string], number>(db, 'SELECT seq AS post_seq FROM posts WHERE account_seq = ? AND external_id = ?').pluck().get(accountSeq, post.externalId);
  if (existing !== undefined) return existing;
  return Number(
    cachedStatement(db, 'INSERT INTO posts (id, account_seq, external_id, text, permalink, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      newId(), accountSeq, post.externalId, post.text, post.permalink, post.createdAt,
    ).lastInsertRowid,
  );
}

/** A conversation as its desktop first had it; one per (account, thread) whoever ingested it. */
function createConversation(context: ApplyContext, id: string, value: ConversationValue): void {
  const { db, now } = context;
  const accountSeq = seqOf(db, 'accounts', context.resolve('account', value.accountId), 'account');
  const local = cachedStatement<[number, string], { seq: number; id: string }>(db, 'SELECT seq, id FROM conversations WHERE account_seq = ? AND thread_external_id = ?').get(
    accountSeq,
    value.threadExternalId,
  );
  context.touch(id);
  if (adoptCreation(context, { entity: 'conversation', table: 'conversations', id, local })) return;
  const contactSeq = ensureContact(db, value.contact, now);
  const postSeq = value.post ? ensurePost(context, accountSeq, value.post) : null;
  cachedStatement(
    db,
    `INSERT INTO conversations (id, account_seq, platform, kind, thread_external_id, post_seq, contact_seq, status, snooze_until, assignee_id, priority,
       urgent_at, last_message_at, snippet, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id, accountSeq, value.platform, value.kind, value.threadExternalId, postSeq, contactSeq, value.status, value.snoozeUntil, value.assigneeId,
    value.priority, value.urgentAt, value.lastMessageAt, value.snippet, value.createdAt, now,
  );
}

/** One column of a conversation, set as the log says. */
function conversationField<V extends string | number | null>(column: string, schema: z.ZodType<V>): Applier {
  return applier('field', schema, (context, id, value) => {
    const seq = seqOf(context.db, 'conversations', id, 'conversation');
    cachedStatement(context.db, `UPDATE conversations SET ${column} = ?, updated_at = ? WHERE seq = ?`).run(value, context.now, seq);
    context.touch(id);
  });
}

const epochMsOrNull = z.number().int().nonnegative().nullable();

/** A tag on or off a conversation; tags are one per name (case aside) on every desktop. */
const tagLink = applier(
  'field',
  tagLinkValue,
  (context, _key, value) => {
    const { db, now } = context;
    const conversationId = context.resolve('conversation', value.conversationId);
    const seq = seqOf(db, 'conversations', conversationId, 'conversation');
    if (value.isPresent) {
      cachedStatement(db, 'INSERT INTO tags (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING').run(newId(), value.tag, now);
      cachedStatement(db, 'INSERT INTO conversation_tags (conversation_seq, tag_seq, created_at) SELECT ?, seq, ? FROM tags WHERE name = ? ON CONFLICT DO NOTHING').run(seq, now, value.tag);
    } else {
      cachedStatement(db, 'DELETE FROM conversation_tags WHERE conversation_seq = ? AND tag_seq = (SELECT seq FROM tags WHERE name = ?)').run(seq, value.tag);
    }
    context.touch(conversationId);
  },
  (context, value) => `${context.resolve('conversation', value.conversationId)}/${lowerAscii(value.tag)}`,
);

export const CONVERSATION_APPLIERS: Record<string, Record<string, Applier>> = {
  conversation: {
    created: applier('once', conversationValue, createConversation),
    status: conversationField('status', conversationStatus),
    snoozeUntil: conversationField('snooze_until', epochMsOrNull),
    assignee: conversationField('assignee_id', assigneeValue.transform((value) => value.personId)),
    priority: conversationField('priority', z.number().int()),
    urgentAt: conversationField('urgent_at', epochMsOrNull),
  },
  conversationTag: { isPresent: tagLink },
};
