import type { MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import type { SyncRequest } from '../connector';
import type { BlueskyClient } from './blueskyClient';
import { fetchPosts, repoOf } from './blueskyPosts';

/**
 * Deletions of stored posts, which notifications never announce: the recent posts are read again
 * 25 at a time; one the AppView no longer returns is confirmed gone from its author's repository
 * (the AppView also leaves out posts hidden by a block) before it is marked deleted. Bluesky has
 * no edits: a post record is never updated in place, so there is nothing else to notice.
 */
export async function recheckPosts(client: BlueskyClient, request: SyncRequest, now: number): Promise<MessageUpdateInput[]> {
  const uris = request.recheck.map(({ externalId }) => externalId).filter((uri) => uri.startsWith('at://') && repoOf(uri) !== null);
  if (uris.length === 0) return [];
  const shown = await fetchPosts(client, uris, request.signal);
  const missing = uris.filter((uri) => !shown.has(uri));
  const gone = await Promise.all(missing.map((uri) => isGone(client, uri, request.signal)));
  return missing.filter((_, index) => gone[index]).map((externalId) => ({ change: 'deleted', platform: 'bluesky', externalId, deletedAt: now }));
}

async function isGone(client: BlueskyClient, uri: string, signal: AbortSignal): Promise<boolean> {
  const [, , repo, collection, rkey] = uri.split('/');
  try {
    await client.query('com.atproto.repo.getRecord', { repo, collection, rkey }, signal);
    return false;
  } catch (error) {
    if ((error as { kind?: unknown }).kind === 'not_found') return true;
    throw error;
  }
}
