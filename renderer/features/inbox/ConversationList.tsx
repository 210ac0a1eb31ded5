import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useInboxStore } from './inboxStore';
import { ConversationRow } from './ConversationRow';

const ROW_HEIGHT = 72;

/**
 * The inbox: an ARIA listbox whose rows are options, virtualised so that 100,000
 * conversations cost the same as 20. The focused row is the listbox's active descendant.
 */
export function ConversationList() {
  const { t } = useTranslation();
  const items = useInboxStore((s) => s.items);
  const total = useInboxStore((s) => s.total);
  const loadState = useInboxStore((s) => s.loadState);
  const error = useInboxStore((s) => s.error);
  const selectedId = useInboxStore((s) => s.selectedId);
  const checkedIds = useInboxStore((s) => s.checkedIds);
  const searchText = useInboxStore((s) => s.filter.text);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const selectedIndex = items.findIndex((c) => c.id === selectedId);
  const revealCount = useInboxStore((s) => s.revealCount);

  // The selected row stays under the cursor: when rows above it come or go (bulk done, a
  // change from another window), the list scrolls by as much, instead of the row moving.
  const anchor = useRef({ id: selectedId, index: selectedIndex });
  useLayoutEffect(() => {
    const was = anchor.current;
    anchor.current = { id: selectedId, index: selectedIndex };
    if (scroller.current && was.id === selectedId && was.index >= 0 && selectedIndex >= 0 && was.index !== selectedIndex) {
      scroller.current.scrollTop += (selectedIndex - was.index) * ROW_HEIGHT;
    }
  }, [items, selectedId, selectedIndex]);
  // Shown on request ("3 new — show"): the new ones are at the top, so that is where to look.
  useLayoutEffect(() => {
    if (revealCount > 0) scroller.current?.scrollTo({ top: 0 });
  }, [revealCount]);

  // The cursor moved (j/k, a click, an undo): bring its row into view. Not when rows above it
  // came or went: the anchoring above keeps it in place, and the virtualiser, whose scroll
  // position is a frame late, would scroll back.
  useEffect(() => {
    const index = useInboxStore.getState().items.findIndex((c) => c.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, virtualizer]);

  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastVisible >= items.length - 20) void useInboxStore.getState().loadMore();
  }, [lastVisible, items.length]);

  if (loadState === 'loading' && items.length === 0) return <p className="list-state" role="status">{t('list.loading')}</p>;
  if (loadState === 'error') {
    return (
      <div className="list-state" role="alert">
        <p>{t('list.error', { message: error })}</p>
        <button type="button" onClick={() => void useInboxStore.getState().refresh()}>{t('list.retry')}</button>
      </div>
    );
  }
  if (items.length === 0) {
    return <p className="list-state" role="status">{searchText ? t('list.emptySearch', { text: searchText }) : t('list.empty')}</p>;
  }
  return (
    <div
      ref={scroller}
      className="conversation-list"
      role="listbox"
      tabIndex={0}
      aria-label={`${t('list.label')} — ${t('list.count', { count: total })}`}
      aria-multiselectable="true"
      aria-activedescendant={selectedId ? `conversation-${selectedId}` : undefined}
    >
      <div className="list-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((row) => {
          const conversation = items[row.index];
          if (!conversation) return null;
          return (
            <ConversationRow
              key={conversation.id}
              conversation={conversation}
              top={row.start}
              position={row.index + 1}
              setSize={total}
              isSelected={conversation.id === selectedId}
              isChecked={checkedIds.includes(conversation.id)}
            />
          );
        })}
      </div>
    </div>
  );
}
