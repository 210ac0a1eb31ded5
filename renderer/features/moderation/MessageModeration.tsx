import { useMemo } from 'react';
import type { OutboxItem } from '../../../shared/api/outbox';
import { OutboxItemLine } from '../outbox/OutboxItemLine';
import { useOutboxStore } from '../outbox/outboxStore';

const NONE: OutboxItem[] = [];

/** Under a message: the moderation asked for it and not done yet ("Hiding…", a failure to retry). */
export function MessageModeration({ conversationId, messageId }: { conversationId: string; messageId: string }) {
  const all = useOutboxStore((s) => (s.conversationId === conversationId ? s.conversationItems : NONE));
  const items = useMemo(() => all.filter((item) => item.moderation?.messageId === messageId), [all, messageId]);
  if (items.length === 0) return null;
  return (
    <ul className="message-moderation">
      {items.map((item) => (
        <li key={item.id}>
          <OutboxItemLine item={item} showsText={false} />
        </li>
      ))}
    </ul>
  );
}
