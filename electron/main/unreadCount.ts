import type { ApiClient } from '../../shared/api/client';

/**
 * Keeps `onCount` told of the open unread conversations: once now, then after inbox changes.
 * A burst of changes (a bulk import) costs at most one count in flight and one after it.
 * Returns the function that stops watching.
 */
export function watchUnreadCount(client: Pick<ApiClient, 'call' | 'on'>, onCount: (count: number) => void): () => void {
  let isCounting = false;
  let isStale = false;
  let isStopped = false;
  const count = async () => {
    if (isCounting) {
      isStale = true;
      return;
    }
    isCounting = true;
    do {
      isStale = false;
      const result = await client.call('conversations.counts', {});
      // A failed count (the core restarting) keeps the last known one; the next change retries.
      if (result.ok && !isStopped) onCount(result.value.openUnread);
    } while (isStale && !isStopped);
    isCounting = false;
  };
  const unsubscribe = client.on('inbox.changed', () => void count());
  void count();
  return () => {
    isStopped = true;
    unsubscribe();
  };
}
