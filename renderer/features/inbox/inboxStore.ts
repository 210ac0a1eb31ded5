import { create } from 'zustand';
import type { ConversationCounts, TriageResult } from '../../../shared/api/conversations';
import type { SavedView, TagSummary, ViewFilter } from '../../../shared/api/views';
import type { Conversation } from '../../../shared/domain/entities';
import { call } from '../../app/coreClient';
import { DEFAULT_VIEW } from '../sidebar/builtInViews';
import { leftRows, mergeHeld } from './heldArrivals';
import { applyChange, matchesFilter, nextSelection, revertChange, type TriageChange } from './listChange';

const PAGE = 100;

/**
 * How often at most the tag list (the names the tag picker and the tag filter offer, with their
 * counts) follows the changes the core reports. Listing counts every tag link (about 20 ms at
 * 400,000, in the core), and a sync reports a change every 120 ms: each report listed them
 * again. The last report of a burst is still followed, this long after the list before it.
 */
export const TAG_COUNTS_EVERY_MS = 2_000;
let tagsCountedAt = Number.NEGATIVE_INFINITY;
let tagCountsTimer: ReturnType<typeof setTimeout> | null = null;
/** A refresh refetches what is loaded, up to this many rows, so the list does not shrink under the reader. */
const REFRESH_MAX = 200;

type LoadState = 'loading' | 'ready' | 'error';

type InboxState = {
  viewKey: string;
  filter: ViewFilter;
  items: Conversation[];
  total: number;
  nextCursor: string | null;
  loadState: LoadState;
  error: string | null;
  isLoadingMore: boolean;
  /** The keyboard cursor. */
  selectedId: string | null;
  /** Conversations picked with `x` for a bulk action. */
  checkedIds: string[];
  /**
   * What the list announces instead of moving ("3 new — show"): conversations not shown yet, and
   * shown ones a new message would move. Only grows until the person shows them.
   */
  heldIds: string[];
  /** Bumped when the held conversations are shown: the list scrolls to the top to show them. */
  revealCount: number;
  /**
   * Whether the person works in the list: they chose a row (a key, a click, an action) since the
   * view opened. Only then does the list stay still (arrivals announced, rows in place); an untouched list simply
   * shows what comes in. (Not the pointer's resting place: after a dialog closes it is anywhere.)
   */
  hasChosenRow: boolean;
  /** Conversations an undo brought back: the next refresh shows them and puts the cursor on the first. */
  restoredIds: string[];
  counts: ConversationCounts | null;
  savedViews: SavedView[];
  tags: TagSummary[];

  showView(viewKey: string, filter: ViewFilter): Promise<void>;
  setFilter(change: Partial<ViewFilter>): Promise<void>;
  /**
   * Refetches the list; with `showNew`, shows the announced conversations and sorts it all again.
   * `released`: conversations the person changed here by another way than triage (moderation),
   * which leave the list rather than stay marked, the cursor moving on as after a triage change.
   */
  refresh(options?: { showNew?: boolean; released?: readonly string[] }): Promise<void>;
  /** Shows the announced conversations ("3 new — show"): the one way the list re-sorts while the person works in it. */
  showNew(): Promise<void>;
  /** After an undo: shows the restored conversations (never held back) and selects the first one listed. */
  showRestored(ids: string[]): Promise<void>;
  loadMore(): Promise<void>;
  select(id: string | null): void;
  move(delta: number): void;
  toggleChecked(id: string): void;
  clearChecked(): void;
  /** The conversations an action applies to: the checked ones, else the focused one. */
  targets(): string[];
  /**
   * Applies the change in this frame, then asks the core; takes that change back (only it) if
   * the core says no. Answers the core's result (with its undo id), or null for no conversation.
   */
  triage(ids: string[], change: TriageChange): Promise<TriageResult | null>;
  /** `tagCounts: 'throttled'` for changes the core reports (see TAG_COUNTS_EVERY_MS); after what the person did, the tags are listed at once. */
  refreshSidebar(options?: { tagCounts: 'now' | 'throttled' }): Promise<void>;
};

const callFor = (ids: string[], change: TriageChange) => {
  switch (change.kind) {
    case 'status':
      return call('conversations.setStatus', { ids, status: change.status, ...(change.snoozeUntil ? { snoozeUntil: change.snoozeUntil } : {}) });
    case 'read':
      return call('conversations.markRead', { ids, read: change.read });
    case 'tag':
      return call('conversations.tag', { ids, add: change.add, ...(change.remove ? { remove: change.remove } : {}) });
    case 'urgent':
      return call('conversations.setUrgent', { ids, isUrgent: change.isUrgent });
    case 'assign':
      return call('conversations.assign', { ids, assigneeId: change.assigneeId, ...(change.note ? { note: change.note } : {}) });
  }
};

/**
 * Shown rows that left the view, as the core has them now: they stay in place, marked by
 * their status, until the person shows the new ones. One shown as out of the view already is
 * not asked about again at each refresh; a deleted one is missing from the map.
 */
async function nowOf(left: readonly Conversation[], filter: ViewFilter): Promise<Map<string, Conversation>> {
  const found = await Promise.all(
    left.map(async (row) => {
      if (!matchesFilter(row, filter)) return [row];
      try {
        // The detail is a conversation with its messages: the row carries them until the list re-sorts.
        const conversation: Conversation = await call('conversations.get', { id: row.id });
        return [conversation];
      } catch {
        return [];
      }
    }),
  );
  return new Map(found.flat().map((c) => [c.id, c]));
}

/** Sequence numbers let a slow, stale answer lose to a newer request instead of overwriting it. */
let generation = 0;

export const useInboxStore = create<InboxState>((set, get) => ({
  viewKey: DEFAULT_VIEW.key,
  filter: DEFAULT_VIEW.filter,
  items: [],
  total: 0,
  nextCursor: null,
  loadState: 'loading',
  error: null,
  isLoadingMore: false,
  selectedId: null,
  checkedIds: [],
  heldIds: [],
  revealCount: 0,
  restoredIds: [],
  hasChosenRow: false,
  counts: null,
  savedViews: [],
  tags: [],

  async showView(viewKey, filter) {
    set({ viewKey, filter, items: [], total: 0, nextCursor: null, loadState: 'loading', error: null, selectedId: null, checkedIds: [], heldIds: [], restoredIds: [], hasChosenRow: false });
    await get().refresh();
  },

  async setFilter(change) {
    const filter = { ...get().filter, ...change };
    for (const key of Object.keys(change) as (keyof ViewFilter)[]) if (change[key] === undefined) delete filter[key];
    await get().showView('custom', filter);
  },

  async refresh({ showNew = false, released = [] } = {}) {
    const mine = ++generation;
    const limit = Math.min(Math.max(get().items.length + get().heldIds.length, PAGE), REFRESH_MAX);
    try {
      const page = await call('conversations.list', { ...get().filter, limit });
      const refreshed = { items: page.items, hasMore: page.nextCursor !== null };
      const holds = !showNew && get().hasChosenRow;
      const left = new Set(holds ? leftRows(get().items, refreshed).filter((id) => !released.includes(id)) : []);
      const leftNow = await nowOf(get().items.filter((c) => left.has(c.id)), get().filter);
      if (mine !== generation) return;
      const { selectedId, items, restoredIds, heldIds } = get();
      const restored = new Set(restoredIds);
      const merged = holds ? mergeHeld(items, refreshed, heldIds, leftNow, restored) : { items: page.items, heldIds: [] };
      const firstRestored = merged.items.find((c) => restored.has(c.id))?.id;
      // A conversation opened from elsewhere (the digest, the contact card) was never in this
      // list: a refresh keeps it. One that was here and is gone moves the cursor to the next.
      const keepsSelection = merged.items.some((c) => c.id === selectedId) || (selectedId !== null && !items.some((c) => c.id === selectedId));
      set({
        items: merged.items,
        heldIds: merged.heldIds,
        total: page.total,
        nextCursor: page.nextCursor,
        loadState: 'ready',
        error: null,
        selectedId: firstRestored ?? (keepsSelection ? selectedId : (nextSelection(items, merged.items, selectedId) ?? merged.items[0]?.id ?? null)),
        // This refresh began after the undo (any earlier one lost to it): it is the one to show them.
        restoredIds: [],
        ...(showNew ? { revealCount: get().revealCount + 1 } : {}),
      });
    } catch (error) {
      if (mine === generation) set({ loadState: 'error', error: (error as Error).message });
    }
  },

  showNew: () => get().refresh({ showNew: true }),

  async showRestored(ids) {
    set({ restoredIds: ids });
    await get().refresh();
  },

  async loadMore() {
    const { nextCursor, isLoadingMore, filter } = get();
    if (!nextCursor || isLoadingMore) return;
    const mine = generation;
    set({ isLoadingMore: true });
    try {
      const page = await call('conversations.list', { ...filter, limit: PAGE, cursor: nextCursor });
      if (mine !== generation) return;
      const known = new Set(get().items.map((c) => c.id));
      set({ items: [...get().items, ...page.items.filter((c) => !known.has(c.id))], nextCursor: page.nextCursor, total: page.total });
    } finally {
      set({ isLoadingMore: false });
    }
  },

  select: (id) => set({ selectedId: id, hasChosenRow: true }),

  move(delta) {
    const { items, selectedId } = get();
    if (items.length === 0) return;
    const index = items.findIndex((c) => c.id === selectedId);
    const next = Math.min(items.length - 1, Math.max(0, index === -1 ? 0 : index + delta));
    set({ selectedId: items[next]?.id ?? null, hasChosenRow: true });
    if (next >= items.length - 20) void get().loadMore();
  },

  toggleChecked(id) {
    const checked = get().checkedIds;
    set({ checkedIds: checked.includes(id) ? checked.filter((x) => x !== id) : [...checked, id] });
  },

  clearChecked: () => set({ checkedIds: [] }),

  targets() {
    const { checkedIds, selectedId } = get();
    return checkedIds.length > 0 ? checkedIds : selectedId ? [selectedId] : [];
  },

  async triage(ids, change) {
    if (ids.length === 0) return null;
    // A refresh already on its way was computed before this change: its answer must not undo it.
    generation++;
    const before = get();
    const targets = new Set(ids);
    const items = applyChange(before.items, targets, change, before.filter);
    const movedTo = nextSelection(before.items, items, before.selectedId);
    set({
      items,
      total: Math.max(0, before.total - (before.items.length - items.length)),
      selectedId: movedTo,
      hasChosenRow: true,
      checkedIds: before.checkedIds.filter((id) => items.some((c) => c.id === id && !targets.has(id))),
      // A row the person took out themselves is no longer news to announce.
      heldIds: before.heldIds.filter((id) => !targets.has(id) || items.some((c) => c.id === id)),
    });
    try {
      return await callFor(ids, change);
    } catch (error) {
      // Take back this change only: another made while it was on its way (the next key pressed)
      // stays. The cursor returns only if it has not moved since. The caller tells the person.
      const now = get();
      const reverted = revertChange(now.items, before.items, targets, change);
      const rechecked = before.checkedIds.filter((id) => targets.has(id) && !now.checkedIds.includes(id) && reverted.some((c) => c.id === id));
      set({
        items: reverted,
        total: now.total + (reverted.length - now.items.length),
        selectedId: now.selectedId === movedTo ? before.selectedId : now.selectedId,
        checkedIds: [...now.checkedIds, ...rechecked],
      });
      throw error;
    }
  },

  async refreshSidebar(options = { tagCounts: 'now' }) {
    const countTags = async () => {
      tagsCountedAt = Date.now();
      set({ tags: await call('tags.list', {}) });
    };
    if (options.tagCounts === 'throttled') {
      tagCountsTimer ??= setTimeout(
        () => {
          tagCountsTimer = null;
          void countTags();
        },
        Math.max(0, tagsCountedAt + TAG_COUNTS_EVERY_MS - Date.now()),
      );
    }
    const [counts, savedViews] = await Promise.all([call('conversations.counts', {}), call('views.list', {}), options.tagCounts === 'now' ? countTags() : undefined]);
    set({ counts, savedViews });
  },
}));
