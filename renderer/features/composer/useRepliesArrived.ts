import { useCallback, useEffect, useState } from 'react';
import type { RepliesSince } from '../../../shared/api/drafts';
import { call } from '../../app/coreClient';
import { useConversationStore } from '../conversation/conversationStore';
import { useOutboxStore } from '../outbox/outboxStore';

const NONE: RepliesSince = { count: 0, latestAt: null };

export type RepliesArrived = {
  /** Replies from elsewhere the person has not been told about since the draft began. */
  news: RepliesSince;
  /** Asks the core now (before a send: an event may still be on its way). */
  check(): Promise<RepliesSince>;
  /** The person was told (asked before sending): only a later reply is news. */
  told(news: RepliesSince): void;
};

/**
 * Watches for replies reaching the conversation from elsewhere while a draft is being written:
 * an away reply, a reply queued in another window or from the command line, one written on the
 * platform. The core counts them (drafts.repliesSince); this asks again whenever the thread or
 * its outbox items change, which is when such a reply can have arrived. `ownKey` is the
 * composer's idempotency key: its own send is never news.
 */
export function useRepliesArrived(conversationId: string, startedAt: number | null, ownKey: string): RepliesArrived {
  const [toldUpTo, setToldUpTo] = useState<number | null>(null);
  const [news, setNews] = useState<RepliesSince>(NONE);
  const since = startedAt === null ? null : Math.max(startedAt, toldUpTo ?? 0);
  const lastMessageId = useConversationStore((s) => (s.detail?.id === conversationId ? s.detail.messages.at(-1)?.id : undefined));
  const outboxItems = useOutboxStore((s) => (s.conversationId === conversationId ? s.conversationItems : null));

  const check = useCallback(async () => {
    if (since === null) return NONE;
    const found = await call('drafts.repliesSince', { conversationId, since, exceptKey: ownKey });
    setNews(found);
    return found;
  }, [conversationId, since, ownKey]);

  useEffect(() => {
    if (since === null) {
      setNews(NONE);
      setToldUpTo(null);
      return;
    }
    let isCurrent = true;
    call('drafts.repliesSince', { conversationId, since, exceptKey: ownKey }).then(
      (found) => isCurrent && setNews(found),
      // A check that fails shows nothing: the next change asks again, and Send asks first.
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [conversationId, since, ownKey, lastMessageId, outboxItems]);

  return {
    news,
    check,
    told: (told) => {
      if (told.latestAt !== null) setToldUpTo(told.latestAt);
      setNews(NONE);
    },
  };
}
