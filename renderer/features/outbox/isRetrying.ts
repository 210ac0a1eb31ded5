import type { OutboxItem } from '../../../shared/api/outbox';

/**
 * A queued send that has been tried and waits to be tried again. Its last error says why; its
 * attempts count only failures that bring giving up closer, so they are 0 while offline.
 */
export const isRetrying = (item: OutboxItem): boolean => item.state === 'queued' && item.lastError !== null;
