import type { Contact, Conversation, ConversationKind, ConversationStatus, Message, Post, SentBy } from '../../../shared/domain/entities';
import type { Attachment } from '../../../shared/domain/incomingItem';
import type { Platform } from '../../../shared/domain/platform';
import { PRIVATE_REPLY_REF_KIND } from '../connectors/connector';

/** Database rows: they stay in the store; the API speaks the domain types they map to. */

export const CONTACT_COLUMNS = `ct.id AS contact_id, ct.platform AS contact_platform, ct.external_id AS contact_external_id,
  ct.handle AS contact_handle, ct.name AS contact_name, ct.avatar_url AS contact_avatar_url,
  ct.follower_count AS contact_follower_count, ct.first_seen_at AS contact_first_seen_at, ct.blocked_at AS contact_blocked_at, ct.muted_at AS contact_muted_at`;

export type ContactColumns = {
  contact_id: string;
  contact_platform: string;
  contact_external_id: string;
  contact_handle: string;
  contact_name: string;
  contact_avatar_url: string | null;
  contact_follower_count: number | null;
  contact_first_seen_at: number;
  contact_blocked_at: number | null;
  contact_muted_at: number | null;
};

export const CONVERSATION_COLUMNS = `c.seq, c.id, a.id AS account_id, c.platform, c.kind, c.status, c.snooze_until, c.assignee_id,
  c.priority, c.unread_count, c.message_count, c.last_message_at, c.last_inbound_at, c.snippet, c.snippet_hostility, c.urgent_at,
  EXISTS (SELECT 1 FROM drafts d WHERE d.conversation_seq = c.seq) AS has_draft, ${CONTACT_COLUMNS}`;

export const CONVERSATION_JOINS = 'JOIN accounts a ON a.seq = c.account_seq JOIN contacts ct ON ct.seq = c.contact_seq';

export type ConversationRow = ContactColumns & {
  seq: number;
  id: string;
  account_id: string;
  platform: string;
  kind: string;
  status: string;
  snooze_until: number | null;
  assignee_id: string | null;
  priority: number;
  unread_count: number;
  message_count: number;
  last_message_at: number;
  last_inbound_at: number | null;
  snippet: string;
  snippet_hostility: number;
  urgent_at: number | null;
  /** A draft row exists: its primary key is the conversation's, so this is one index probe. */
  has_draft: number;
};

export const MESSAGE_COLUMNS = `m.seq, conv.id AS conversation_id, m.external_id, m.parent_external_id, m.direction, m.text,
  m.created_at, m.received_at, m.permalink, m.is_hidden, m.is_deleted, m.language, m.hostility,
  m.edited_at, m.deleted_at, m.attachments, m.platform_ref ->> '$.kind' IS '${PRIVATE_REPLY_REF_KIND}' AS is_private_reply, ${CONTACT_COLUMNS},
  m.sent_by_kind, coalesce(nullif(sp.name, ''), m.sent_by_name, '') AS sent_by_name, sp.id AS sent_by_person_id, coalesce(sp.is_me, 0) AS sent_by_is_me`;

export const MESSAGE_JOINS = 'JOIN conversations conv ON conv.seq = m.conversation_seq JOIN contacts ct ON ct.seq = m.contact_seq LEFT JOIN people sp ON sp.seq = m.sent_by_person_seq';

export type MessageRow = ContactColumns & {
  seq: number;
  conversation_id: string;
  external_id: string;
  parent_external_id: string | null;
  direction: string;
  text: string;
  created_at: number;
  received_at: number;
  permalink: string | null;
  is_hidden: number;
  is_deleted: number;
  language: string | null;
  hostility: number;
  edited_at: number | null;
  deleted_at: number | null;
  /** JSON array written by ingest from validated attachments; NULL for none. */
  attachments: string | null;
  /** 1 when its platform reference is a private reply's (see `PRIVATE_REPLY_REF_KIND`). */
  is_private_reply: number;
  /** NULL for incoming messages; the CHECK constraint keeps the rest to SentBy's kinds. */
  sent_by_kind: string | null;
  /** The person's name now while they are in the team, else as it was when sent; the rule's name. */
  sent_by_name: string;
  sent_by_person_id: string | null;
  sent_by_is_me: number;
};

function toSentBy(row: MessageRow): SentBy | null {
  switch (row.sent_by_kind) {
    case null:
      return null;
    case 'person':
      return { kind: 'person', personId: row.sent_by_person_id, name: row.sent_by_name, isMe: row.sent_by_is_me === 1 };
    case 'away_reply':
      return { kind: 'away_reply' };
    case 'rule':
      return { kind: 'rule', ruleName: row.sent_by_name };
    default:
      return { kind: 'platform' };
  }
}

export type PostRow = { id: string; external_id: string; text: string; permalink: string | null; created_at: number | null };

// The CHECK constraints in the schema guarantee these columns only hold the domain's values.
export const toContact = (row: ContactColumns): Contact => ({
  id: row.contact_id,
  platform: row.contact_platform as Platform,
  externalId: row.contact_external_id,
  handle: row.contact_handle,
  name: row.contact_name,
  avatarUrl: row.contact_avatar_url,
  followerCount: row.contact_follower_count,
  firstSeenAt: row.contact_first_seen_at,
  blockedAt: row.contact_blocked_at,
  mutedAt: row.contact_muted_at,
});

export const toConversation = (row: ConversationRow, tags: string[]): Conversation => ({
  id: row.id,
  accountId: row.account_id,
  platform: row.platform as Platform,
  kind: row.kind as ConversationKind,
  status: row.status as ConversationStatus,
  snoozeUntil: row.snooze_until,
  assigneeId: row.assignee_id,
  priority: row.priority,
  unreadCount: row.unread_count,
  messageCount: row.message_count,
  lastMessageAt: row.last_message_at,
  lastInboundAt: row.last_inbound_at,
  contact: toContact(row),
  snippet: row.snippet,
  snippetHostility: row.snippet_hostility,
  urgentAt: row.urgent_at,
  hasDraft: row.has_draft === 1,
  tags,
});

/** Messages are identified across desktops by (account, external id); `id` is this database's key. */
export const toMessage = (row: MessageRow): Message => ({
  id: String(row.seq),
  conversationId: row.conversation_id,
  externalId: row.external_id,
  parentExternalId: row.parent_external_id,
  direction: row.direction === 'out' ? 'out' : 'in',
  author: toContact(row),
  text: row.text,
  createdAt: row.created_at,
  receivedAt: row.received_at,
  permalink: row.permalink,
  isHidden: row.is_hidden === 1,
  isDeleted: row.is_deleted === 1,
  language: row.language,
  hostility: row.hostility,
  sentBy: row.direction === 'out' ? toSentBy(row) : null,
  editedAt: row.edited_at,
  deletedAt: row.deleted_at,
  attachments: row.attachments === null ? [] : (JSON.parse(row.attachments) as Attachment[]),
  isPrivateReply: row.is_private_reply === 1,
});

export const toPost = (row: PostRow): Post => ({
  id: row.id,
  externalId: row.external_id,
  text: row.text,
  permalink: row.permalink,
  createdAt: row.created_at,
});
