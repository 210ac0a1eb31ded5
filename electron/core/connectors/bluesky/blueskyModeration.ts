import { AtUri } from '@atproto/api';
import { ConnectorError, type ModerationAction, type ModerationDone, type ModerationRequest } from '../connector';
import type { BlueskyClient } from './blueskyClient';
import { repoOf } from './blueskyPosts';
import { recordKeyFor } from './blueskyRecordKey';
import { setReplyHidden } from './blueskyThreadgate';

/** What an app-password session may do on Bluesky (there is no deleting someone else's post). */
export const BLUESKY_MODERATION: readonly ModerationAction[] = ['hide', 'unhide', 'mute_author', 'unmute_author', 'block_author', 'unblock_author', 'report', 'mark_spam', 'delete_own'];

const BLOCK = 'app.bsky.graph.block';

/** Every action is idempotent, as the outbox re-sends after a crash instead of asking first. */
export async function moderateOnBluesky(client: BlueskyClient, request: ModerationRequest, now: number, signal: AbortSignal): Promise<ModerationDone> {
  const actor = request.authorExternalId;
  switch (request.action) {
    case 'hide':
    case 'unhide':
      await setReplyHidden(client, request, request.action === 'hide', now, signal);
      return { undoRef: null };
    case 'mute_author':
      await client.call('muting the author', (agent) => agent.app.bsky.graph.muteActor({ actor }, { signal }));
      return { undoRef: null };
    case 'unmute_author':
      await client.call('unmuting the author', (agent) => agent.app.bsky.graph.unmuteActor({ actor }, { signal }));
      return { undoRef: null };
    case 'block_author':
      return { undoRef: await block(client, actor, now, signal) };
    case 'unblock_author':
      await unblock(client, actor, request.undoRef, signal);
      return { undoRef: null };
    case 'report':
    case 'mark_spam':
      await report(client, request, signal);
      return { undoRef: null };
    case 'delete_own':
      await deleteOwn(client, request.messageExternalId, signal);
      return { undoRef: null };
    default:
      throw new ConnectorError(`Bluesky: the API offers no way to ${request.action.replaceAll('_', ' ')}`, 'permanent');
  }
}

/**
 * A block record under a key derived from the blocked DID: blocking twice (a re-sent action)
 * meets the same record instead of making a second one. Its URI is what unblocking deletes.
 */
async function block(client: BlueskyClient, subject: string, now: number, signal: AbortSignal): Promise<string> {
  const rkey = recordKeyFor(`block:${subject}`);
  const uri = AtUri.make(client.did, BLOCK, rkey).toString();
  try {
    await client.call('blocking the author', (agent) => agent.com.atproto.repo.createRecord({ repo: client.did, collection: BLOCK, rkey, record: { $type: BLOCK, subject, createdAt: new Date(now).toISOString() } }, { signal }));
  } catch (error) {
    const exists = await client.call('reading the block', (agent) => agent.com.atproto.repo.getRecord({ repo: client.did, collection: BLOCK, rkey }, { signal })).then(() => true, () => false);
    if (!exists) throw error;
  }
  return uri;
}

/** Deletes the block this action made, and one made elsewhere (another app) that the AppView knows of. */
async function unblock(client: BlueskyClient, subject: string, undoRef: string | null, signal: AbortSignal): Promise<void> {
  const own = undoRef ?? AtUri.make(client.did, BLOCK, recordKeyFor(`block:${subject}`)).toString();
  await deleteRecord(client, own, 'unblocking the author', signal);
  const { data } = await client.call('reading the author’s profile', (agent) => agent.app.bsky.actor.getProfile({ actor: subject }, { signal }));
  const other = data.viewer?.blocking;
  if (other && other !== own && repoOf(other) === client.did) await deleteRecord(client, other, 'unblocking the author', signal);
}

/** Reports a post (or a DM, by its conversation and message ids) to the account's moderation service. */
async function report(client: BlueskyClient, request: ModerationRequest, signal: AbortSignal): Promise<void> {
  const ref = request.messageRef ?? {};
  const subject =
    typeof ref.convoId === 'string'
      ? { $type: 'chat.bsky.convo.defs#messageRef', did: request.authorExternalId, convoId: ref.convoId, messageId: request.messageExternalId }
      : { $type: 'com.atproto.repo.strongRef', uri: request.messageExternalId, cid: String(ref.cid ?? '') };
  const reasonType = request.action === 'mark_spam' ? 'com.atproto.moderation.defs#reasonSpam' : 'com.atproto.moderation.defs#reasonOther';
  await client.call('reporting the message', (agent) => agent.com.atproto.moderation.createReport({ reasonType, reason: request.reason ?? undefined, subject }, { signal }));
}

async function deleteOwn(client: BlueskyClient, uri: string, signal: AbortSignal): Promise<void> {
  if (repoOf(uri) !== client.did) throw new ConnectorError('Bluesky: only the brand’s own posts can be deleted', 'permanent');
  await deleteRecord(client, uri, 'deleting the reply', signal);
}

/** Deleting what is already gone is a success. */
async function deleteRecord(client: BlueskyClient, uri: string, what: string, signal: AbortSignal): Promise<void> {
  const { host, collection, rkey } = new AtUri(uri);
  try {
    await client.call(what, (agent) => agent.com.atproto.repo.deleteRecord({ repo: host, collection, rkey }, { signal }));
  } catch (error) {
    if (!(error instanceof ConnectorError && error.kind === 'not_found')) throw error;
  }
}
