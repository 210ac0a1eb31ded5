import type { Conversation } from '../../../shared/domain/entities';

/** A plain open conversation for the list's unit tests: one unread comment, nothing special about it. */
export const conversationFixture = (id: string, overrides: Partial<Conversation> = {}): Conversation => ({
  id, accountId: 'a', platform: 'facebook', kind: 'comment', status: 'open', snoozeUntil: null, assigneeId: null, priority: 0,
  unreadCount: 1, messageCount: 1, lastMessageAt: 0, lastInboundAt: null, snippet: id, snippetHostility: 0, urgentAt: null, hasDraft: false, tags: [],
  contact: { id: 'c', platform: 'facebook', externalId: 'c', handle: '@c', name: 'C', avatarUrl: null, followerCount: null, firstSeenAt: 0, blockedAt: null, mutedAt: null },
  ...overrides,
});
