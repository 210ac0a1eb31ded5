import type { Db } from '../store/database';

export type IngestStatements = ReturnType<typeof prepareIngestStatements>;

type ContactRow = { seq: number; handle: string; name: string; avatar_url: string | null; follower_count: number | null };

/** Prepared once per pipeline: preparing is far more expensive than running. */
export function prepareIngestStatements(db: Db) {
  return {
    account: db.prepare<[string], { seq: number; platform: string }>('SELECT seq, platform FROM accounts WHERE id = ?'),
    findContact: db.prepare<[string, string], ContactRow>(
      'SELECT seq, handle, name, avatar_url, follower_count FROM contacts WHERE platform = ? AND external_id = ?',
    ),
    insertContact: db.prepare(
      `INSERT INTO contacts (id, platform, external_id, handle, name, avatar_url, follower_count, first_seen_at, updated_at)
       VALUES (@id, @platform, @externalId, @handle, @name, @avatarUrl, @followerCount, @now, @now)`,
    ),
    updateContact: db.prepare(
      `UPDATE contacts SET handle = @handle, name = @name, avatar_url = @avatarUrl, follower_count = @followerCount, updated_at = @now
       WHERE seq = @seq`,
    ),
    findPost: db.prepare<[number, string], { seq: number }>('SELECT seq FROM posts WHERE account_seq = ? AND external_id = ?'),
    insertPost: db.prepare(
      `INSERT INTO posts (id, account_seq, external_id, text, permalink, created_at)
       VALUES (@id, @accountSeq, @externalId, @text, @permalink, @createdAt)`,
    ),
    findConversation: db.prepare<[number, string], { seq: number; id: string; status: string }>(
      'SELECT seq, id, status FROM conversations WHERE account_seq = ? AND thread_external_id = ?',
    ),
    // A batch's new conversations in one statement (account, created and updated times, the rows: each a JSON array in the order below).
    insertConversations: db.prepare<[number, number, number, string], { id: string; seq: number }>(
      `INSERT INTO conversations (id, account_seq, platform, kind, thread_external_id, post_seq, contact_seq,
         unread_count, message_count, last_message_at, last_inbound_at, snippet, snippet_hostility, created_at, updated_at)
       SELECT value ->> 0, ?, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
         value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11, ?, ?
       FROM json_each(?) RETURNING id, seq`,
    ),
    updateConversation: db.prepare(
      `UPDATE conversations SET
         unread_count = unread_count + @newInbound,
         message_count = message_count + @newMessages,
         snippet = CASE WHEN @lastMessageAt >= last_message_at THEN @snippet ELSE snippet END,
         snippet_hostility = CASE WHEN @lastMessageAt >= last_message_at THEN @snippetHostility ELSE snippet_hostility END,
         last_message_at = max(last_message_at, @lastMessageAt),
         last_inbound_at = CASE WHEN @lastInboundAt IS NULL THEN last_inbound_at ELSE max(coalesce(last_inbound_at, 0), @lastInboundAt) END,
         contact_seq = CASE WHEN last_inbound_at IS NULL AND @inboundContactSeq IS NOT NULL THEN @inboundContactSeq ELSE contact_seq END,
         status = CASE WHEN @newInbound > 0 AND status IN ('done', 'snoozed') THEN 'open' ELSE status END,
         snooze_until = CASE WHEN @newInbound > 0 AND status IN ('done', 'snoozed') THEN NULL ELSE snooze_until END,
         updated_at = @now
       WHERE seq = @seq`,
    ),
    // The edit time comes along: an item sent again with a newer one is an edit (Mastodon re-sends edited statuses).
    findStored: db.prepare<[number, string], { edited_at: number | null }>('SELECT edited_at FROM messages WHERE account_seq = ? AND external_id = ?'),
    // Positional parameters: binding a fresh object per message showed up in the profile.
    // The brand's own messages arrive as written outside Pieuvre; whoever sent one from Pieuvre says so after (outbox/recordSentReply.ts).
    insertMessage: db.prepare<[number, number, number, string, string | null, string, number, string, string, number, number, string | null, string | null, number, string | null, string | null, number | null, 'platform' | null]>(
      `INSERT INTO messages (seq, conversation_seq, account_seq, external_id, parent_external_id, direction, contact_seq,
         author_label, text, created_at, received_at, permalink, language, hostility, platform_ref, attachments, edited_at, sent_by_kind)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // One statement per batch, not per row: measured 40% cheaper than a per-row insert or trigger.
    indexMessages: db.prepare<[string]>(
      `INSERT INTO message_search (rowid, text, author_label)
       SELECT seq, text, author_label FROM messages WHERE seq IN (SELECT value FROM json_each(?))`,
    ),
    insertRejected: db.prepare(
      `INSERT INTO rejected_items (id, account_id, source, payload, payload_size, payload_sha256, reason, rejected_at)
       VALUES (@id, @accountId, @source, @head, @size, @sha256, @reason, @now)`,
    ),
  };
}
