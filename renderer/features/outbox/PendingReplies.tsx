import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { OutboxItemLine } from './OutboxItemLine';
import { useOutboxStore } from './outboxStore';

/** Under the thread: this conversation's replies not yet sent, each with what can be done. */
export function PendingReplies({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const items = useOutboxStore((s) => (s.conversationId === conversationId ? s.conversationItems : []));
  useEffect(() => {
    void useOutboxStore.getState().showConversation(conversationId);
  }, [conversationId]);
  if (items.length === 0) return null;
  return (
    <section className="pending-replies" aria-label={t('outbox.pendingLabel')}>
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
