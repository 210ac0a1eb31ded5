import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../shared/api/outbox';
import { OutboxItemLine } from './OutboxItemLine';
import { useOutboxStore } from './outboxStore';

const NO_ITEMS: OutboxItem[] = [];

/** Under the thread: this conversation's replies not yet sent, each with what can be done (moderation shows on its message). */
export function PendingReplies({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const all = useOutboxStore((s) => (s.conversationId === conversationId ? s.conversationItems : NO_ITEMS));
  const items = useMemo(() => all.filter((item) => item.kind !== 'moderation'), [all]);
  useEffect(() => {
    void useOutboxStore.getState().showConversation(conversationId);
  }, [conversationId]);
  const section = useRef<HTMLElement>(null);
  const shownCount = useRef(items.length);
  // A reply just sent from the box below waits here: the pane shows it whole, not half under the
  // box (a tall composer at 1000×700 left it there). Only a new one: reading higher up, nothing moves.
  useEffect(() => {
    if (items.length > shownCount.current) {
      const pane = section.current?.closest('.conversation-pane');
      void pane?.scrollTo({ top: pane.scrollHeight });
    }
    shownCount.current = items.length;
  }, [items.length]);
  if (items.length === 0) return null;
  return (
    <section ref={section} className="pending-replies" aria-label={t('outbox.pendingLabel')}>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <OutboxItemLine item={item} showsText />
          </li>
        ))}
      </ul>
    </section>
  );
}
