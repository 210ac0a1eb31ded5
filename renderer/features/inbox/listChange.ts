import type { ViewFilter } from '../../../shared/api/views';
import type { Conversation, ConversationStatus } from '../../../shared/domain/entities';

export type TriageChange =
  | { kind: 'status'; status: ConversationStatus; snoozeUntil?: number }
  | { kind: 'read'; read: boolean }
  | { kind: 'tag'; add: string[]; remove?: string[] }
  | { kind: 'urgent'; isUrgent: boolean; at: number }
  | { kind: 'assign'; assigneeId: string | null; note?: string };

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value as T];

/** Whether a conversation still belongs in the list the filter describes. */
export function matchesFilter(conversation: Conversation, filter: ViewFilter): boolean {
  const statuses = asList(filter.status);
  if (statuses && !statuses.includes(conversation.status)) return false;
  if (filter.unread === true && conversation.unreadCount === 0) return false;
  if (filter.unread === false && conversation.unreadCount > 0) return false;
  if (filter.urgent === true && conversation.urgentAt === null) return false;
  if (filter.urgent === false && conversation.urgentAt !== null) return false;
  if (filter.assigneeId !== undefined && conversation.assigneeId !== filter.assigneeId) return false;
  if (filter.tag !== undefined && !conversation.tags.some((tag) => tag.toLowerCase() === filter.tag?.toLowerCase())) return false;
  return true;
}

function applyTo(conversation: Conversation, change: TriageChange): Conversation {
  switch (change.kind) {
    case 'status':
      return { ...conversation, status: change.status, snoozeUntil: change.snoozeUntil ?? null };
    case 'read':
      return { ...conversation, unreadCount: change.read ? 0 : Math.max(conversation.unreadCount, 1) };
    case 'tag': {
      const removed = new Set(change.remove ?? []);
      return { ...conversation, tags: [...new Set([...conversation.tags, ...change.add])].filter((tag) => !removed.has(tag)).sort() };
    }
    case 'urgent':
      return { ...conversation, urgentAt: change.isUrgent ? (conversation.urgentAt ?? change.at) : null };
    case 'assign':
      return { ...conversation, assigneeId: change.assigneeId };
  }
}

/**
 * The list as it will be once the core applies the change: what the optimistic update shows
 * in the same frame. Conversations that leave the view leave the list (marking read in the
 * Unread view keeps the row until the next refresh, so it does not jump from under the cursor).
 */
export function applyChange(items: readonly Conversation[], ids: ReadonlySet<string>, change: TriageChange, filter: ViewFilter): Conversation[] {
  return items.flatMap((conversation) => {
    if (!ids.has(conversation.id)) return [conversation];
    const changed = applyTo(conversation, change);
    return change.kind === 'read' || matchesFilter(changed, filter) ? [changed] : [];
  });
}

/** Where the cursor goes when rows leave: the row that took the focused row's place, else the one before. */
export function nextSelection(before: readonly Conversation[], after: readonly Conversation[], selectedId: string | null): string | null {
  if (selectedId === null || after.some((c) => c.id === selectedId)) return selectedId;
  const index = before.findIndex((c) => c.id === selectedId);
  const survivors = new Set(after.map((c) => c.id));
  const following = before.slice(index + 1).find((c) => survivors.has(c.id));
  const preceding = before.slice(0, Math.max(index, 0)).reverse().find((c) => survivors.has(c.id));
  return following?.id ?? preceding?.id ?? null;
}

/**
 * One change undone, the rest kept. A field this change set goes back to what it was only
 * where it still holds this change's value: a later change to the same field wins. Tags it
 * added (and only those) come off; tags it removed come back.
 */
function undoOn(row: Conversation, was: Conversation, change: TriageChange): Conversation {
  const changed = applyTo(was, change);
  switch (change.kind) {
    case 'status':
      return row.status === changed.status && row.snoozeUntil === changed.snoozeUntil ? { ...row, status: was.status, snoozeUntil: was.snoozeUntil } : row;
    case 'read':
      return row.unreadCount === changed.unreadCount ? { ...row, unreadCount: was.unreadCount } : row;
    case 'tag': {
      const added = new Set(change.add.filter((tag) => !was.tags.includes(tag)));
      const removed = (change.remove ?? []).filter((tag) => was.tags.includes(tag) && !row.tags.includes(tag));
      return { ...row, tags: [...row.tags.filter((tag) => !added.has(tag)), ...removed].sort() };
    }
    case 'urgent':
      return row.urgentAt === changed.urgentAt ? { ...row, urgentAt: was.urgentAt } : row;
    case 'assign':
      return row.assigneeId === changed.assigneeId ? { ...row, assigneeId: was.assigneeId } : row;
  }
}

/**
 * The list with one failed optimistic change taken back, from the list as it is now: other
 * changes made meanwhile stay. Rows it took out of the view come back after the row that
 * preceded them, as they were before it.
 */
export function revertChange(now: readonly Conversation[], before: readonly Conversation[], ids: ReadonlySet<string>, change: TriageChange): Conversation[] {
  const was = new Map(before.filter((c) => ids.has(c.id)).map((c) => [c.id, c]));
  const reverted = now.map((row) => {
    const previous = was.get(row.id);
    return previous ? undoOn(row, previous, change) : row;
  });
  const present = new Set(reverted.map((c) => c.id));
  before.forEach((row, index) => {
    if (!ids.has(row.id) || present.has(row.id)) return;
    const precedingId = before.slice(0, index).reverse().find((c) => present.has(c.id))?.id;
    reverted.splice(precedingId === undefined ? 0 : reverted.findIndex((c) => c.id === precedingId) + 1, 0, row);
    present.add(row.id);
  });
  return reverted;
}
