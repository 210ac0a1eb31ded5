import { AtUri } from '@atproto/api';
import { z } from 'zod';
import type { BlueskyClient } from './blueskyClient';

/** app.bsky.feed.getPosts takes at most 25 URIs a call. */
export const GET_POSTS_BATCH = 25;

const postViewSchema = z.object({
  uri: z.string(),
  cid: z.string(),
  author: z.object({ did: z.string(), handle: z.string() }),
  record: z.object({ text: z.string().default(''), createdAt: z.string().optional() }).passthrough(),
  indexedAt: z.string().optional(),
});
export type PostView = z.output<typeof postViewSchema>;

/**
 * The posts the AppView still shows, by URI, fetched 25 at a time in parallel (never one call per
 * post). A post it leaves out is deleted, or hidden from this account (a block).
 */
export async function fetchPosts(client: BlueskyClient, uris: Iterable<string>, signal: AbortSignal): Promise<Map<string, PostView>> {
  const unique = [...new Set(uris)];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += GET_POSTS_BATCH) batches.push(unique.slice(start, start + GET_POSTS_BATCH));
  const answers = await Promise.all(batches.map((batch) => client.query('app.bsky.feed.getPosts', { uris: batch }, signal)));
  const posts = new Map<string, PostView>();
  for (const answer of answers) {
    const list = (answer as { posts?: unknown } | null)?.posts;
    for (const raw of Array.isArray(list) ? list : []) {
      const post = postViewSchema.safeParse(raw);
      if (post.success) posts.set(post.data.uri, post.data);
    }
  }
  return posts;
}

/** bsky.app's address of a post (by handle when it has a valid one, else by DID). */
export function postPermalink(uri: string, handle: string | null): string | null {
  try {
    const parsed = new AtUri(uri);
    const profile = handle && handle !== 'handle.invalid' && /^[a-z0-9.-]+$/i.test(handle) ? handle : parsed.host;
    return `https://bsky.app/profile/${profile}/post/${parsed.rkey}`;
  } catch {
    return null;
  }
}

/** The DID (or handle) whose repository holds this record, or null for a malformed URI. */
export function repoOf(uri: string): string | null {
  try {
    return new AtUri(uri).host;
  } catch {
    return null;
  }
}
