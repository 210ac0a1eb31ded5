import type { ConversationCounts } from '../../../shared/api/conversations';
import type { ViewFilter } from '../../../shared/api/views';
import { PLATFORMS, type Platform } from '../../../shared/domain/platform';

export type BuiltInView = {
  key: string;
  /** i18n key of the label. */
  label: string;
  filter: ViewFilter;
  count: (counts: ConversationCounts) => number;
};

/** The fixed views of the sidebar, each a filter, in the order a community manager works them. */
export const MAIN_VIEWS: readonly BuiltInView[] = [
  { key: 'open', label: 'sidebar.allOpen', filter: { status: 'open' }, count: (c) => c.byStatus.open },
  { key: 'urgent', label: 'sidebar.urgent', filter: { status: 'open', urgent: true }, count: (c) => c.openUrgent },
  { key: 'assignedToMe', label: 'sidebar.assignedToMe', filter: { status: 'open', assignedToMe: true }, count: (c) => c.openAssignedToMe },
  // Whatever their status: a reply left half-written in a conversation marked done is still to be finished or let go.
  { key: 'drafts', label: 'sidebar.drafts', filter: { hasDraft: true }, count: (c) => c.drafts },
  { key: 'unread', label: 'sidebar.unread', filter: { status: 'open', unread: true }, count: (c) => c.openUnread },
  { key: 'mentions', label: 'sidebar.mentions', filter: { status: 'open', kind: 'mention' }, count: (c) => c.openByKind.mention },
  { key: 'comments', label: 'sidebar.comments', filter: { status: 'open', kind: 'comment' }, count: (c) => c.openByKind.comment },
  { key: 'dms', label: 'sidebar.dms', filter: { status: 'open', kind: 'dm' }, count: (c) => c.openByKind.dm },
];

export const STATUS_VIEWS: readonly BuiltInView[] = [
  { key: 'snoozed', label: 'sidebar.snoozed', filter: { status: 'snoozed' }, count: (c) => c.byStatus.snoozed },
  { key: 'done', label: 'sidebar.done', filter: { status: 'done' }, count: (c) => c.byStatus.done },
  { key: 'spam', label: 'sidebar.spam', filter: { status: 'spam' }, count: (c) => c.byStatus.spam },
];

/** One view per platform that has open conversations (others would be empty noise); all of them when counts are hidden. */
export function platformViews(counts: ConversationCounts | null): BuiltInView[] {
  return PLATFORMS.filter((platform) => counts === null || (counts.openByPlatform[platform] ?? 0) > 0).map((platform: Platform) => ({
    key: `platform:${platform}`,
    label: `platform.${platform}`,
    filter: { status: 'open', platform },
    count: (c) => c.openByPlatform[platform] ?? 0,
  }));
}

export const DEFAULT_VIEW = MAIN_VIEWS[0] as BuiltInView;
