import type { ApiClient } from '../../shared/api/client';

/**
 * Keeps `onCount` told of the count the badge may show, as the core's notification gate
 * decides it (the open unread conversations on duty, 0 off duty): once now, then after inbox
 * or duty changes. A burst of changes (a bulk import) costs at most one count in flight and
 * one after it. A count that cannot be shown (the tray gone) is told to `onError`, and the next
 * change counts again. Returns the function that stops watching.
 */
export function watchUnreadCount(
  client: Pick<ApiClient, 'call' | 'on'>,
  onCount: (count: number) => void,
  onError: (error: unknown) => void,
): () => void {
  let isCounting = false;
  let isStale = false;
  let isStopped = false;
  const count = async () => {
    if (isCounting) {
      isStale = true;
      return;
    }
    isCounting = true;
    try {
      do {
        isStale = false;
        const result = await client.call('notifications.badge', {});
        // A failed count (the core restarting) keeps the last known one; the next change retries.
        if (result.ok && !isStopped) onCount(result.value.count);
      } while (isStale && !isStopped);
    } catch (error) {
      onError(error);
    } finally {
      isCounting = false;
    }
  };
  const unsubscribers = [client.on('inbox.changed', () => void count()), client.on('duty.changed', () => void count())];
  void count();
  return () => {
    isStopped = true;
    unsubscribers.forEach((unsubscribe) => unsubscribe());
  };
}
