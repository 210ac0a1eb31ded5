import { AtUri } from '@atproto/api';
import { ConnectorError, type ReplyRequest, type SentReply } from '../connector';
import type { BlueskyClient } from './blueskyClient';
import { postPermalink } from './blueskyPosts';
import { recordKeyFor } from './blueskyRecordKey';
import { richTextOf } from './blueskyRichText';
import type { BlueskyRef } from './blueskyTypes';

export const POST_COLLECTION = 'app.bsky.feed.post';
export const POST_MAX_GRAPHEMES = 300;

/**
 * Posts a reply as an app.bsky.feed.post record whose key comes from the outbox's idempotency
 * key: a second attempt (after a crash or a timeout) targets the same record, the PDS refuses to
 * create it again, and the post already there is returned. Languages are left out: Pieuvre does
 * not know the reply's language, and a wrong `langs` misleads feeds more than none.
 */
export async function postReply(client: BlueskyClient, request: ReplyRequest, now: number, signal: AbortSignal): Promise<SentReply> {
  const { root, parent } = strongRefsOf(request);
  const rich = await richTextOf(client, request.text, signal);
  if (rich.text.trim() === '') throw new ConnectorError('Bluesky: a reply needs some text', 'permanent');
  if (rich.graphemes > POST_MAX_GRAPHEMES) throw new ConnectorError(`Bluesky: a post is at most ${POST_MAX_GRAPHEMES} characters; this one has ${rich.graphemes}`, 'permanent');
  const rkey = recordKeyFor(request.idempotencyKey);
  const record = { $type: POST_COLLECTION, text: rich.text, facets: rich.facets, createdAt: new Date(now).toISOString(), reply: { root, parent } };
  try {
    await client.call('posting the reply', (agent) => agent.com.atproto.repo.createRecord({ repo: client.did, collection: POST_COLLECTION, rkey, record }, { signal }));
  } catch (error) {
    // The record may be there already (an earlier attempt landed): then that is the reply.
    const sent = await findReply(client, request, signal).catch(() => null);
    if (sent) return sent;
    throw error;
  }
  const sent = await findReply(client, request, signal);
  if (!sent) throw new ConnectorError('Bluesky: the reply was posted but cannot be read back', 'transient');
  return sent;
}

/** The reply this request's record key holds, or null when it was never created. */
export async function findReply(client: BlueskyClient, request: ReplyRequest, signal: AbortSignal): Promise<SentReply | null> {
  const rkey = recordKeyFor(request.idempotencyKey);
  try {
    const { data } = await client.call('reading the reply back', (agent) => agent.com.atproto.repo.getRecord({ repo: client.did, collection: POST_COLLECTION, rkey }, { signal }));
    const record = data.value as { createdAt?: unknown; reply?: { root?: { uri?: unknown; cid?: unknown } } };
    const root = record.reply?.root;
    const ref: BlueskyRef = { uri: data.uri, cid: data.cid ?? '', rootUri: String(root?.uri ?? data.uri), rootCid: String(root?.cid ?? data.cid ?? '') };
    const createdAt = Date.parse(String(record.createdAt));
    return { externalId: data.uri, createdAt: Number.isFinite(createdAt) ? createdAt : 0, permalink: postPermalink(data.uri, client.session.handle), ref };
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === 'not_found') return null;
    throw error;
  }
}

/**
 * The thread root and the parent as strong refs: the answered message's own ref names both (its
 * root is the brand's post for a comment, itself for a mention); the thread's ref is the fallback.
 */
function strongRefsOf(request: ReplyRequest): { root: { uri: string; cid: string }; parent: { uri: string; cid: string } } {
  const answered = request.inReplyToRef ?? request.threadRef;
  const uri = stringOf(answered?.uri);
  const cid = stringOf(answered?.cid);
  if (uri === null || cid === null || !isAtUri(uri)) throw new ConnectorError('Bluesky: the message answered has no post reference (uri and cid)', 'permanent');
  const rootUri = stringOf(answered?.rootUri) ?? stringOf(request.threadRef?.rootUri) ?? uri;
  const rootCid = stringOf(answered?.rootCid) ?? stringOf(request.threadRef?.rootCid) ?? cid;
  return { root: { uri: rootUri, cid: rootCid }, parent: { uri, cid } };
}

const stringOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function isAtUri(uri: string): boolean {
  try {
    return new AtUri(uri).rkey !== '';
  } catch {
    return false;
  }
}
