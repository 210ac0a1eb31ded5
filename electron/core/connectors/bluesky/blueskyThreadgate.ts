import { AtUri } from '@atproto/api';
import { ConnectorError, type ModerationRequest } from '../connector';
import type { BlueskyClient } from './blueskyClient';
import { repoOf } from './blueskyPosts';

const THREADGATE = 'app.bsky.feed.threadgate';
/** The lexicon's cap on hidden replies per thread. */
const MAX_HIDDEN = 300;

type Threadgate = { cid: string; value: Record<string, unknown> & { hiddenReplies?: string[] } };

/**
 * Hides or shows a reply in one of the brand's threads: Bluesky keeps the hidden replies in the
 * root post's threadgate record (same record key as the post), which may also say who can reply:
 * that part is kept as it is. Unhiding the last one removes a gate that held nothing else.
 */
export async function setReplyHidden(client: BlueskyClient, request: ModerationRequest, isHidden: boolean, now: number, signal: AbortSignal): Promise<void> {
  const rootUri = typeof request.messageRef?.rootUri === 'string' ? request.messageRef.rootUri : null;
  if (rootUri === null || repoOf(rootUri) !== client.did || rootUri === request.messageExternalId) {
    throw new ConnectorError('Bluesky: only a reply in one of the brand’s own threads can be hidden', 'permanent');
  }
  const rkey = new AtUri(rootUri).rkey;
  const gate = await readGate(client, rkey, signal);
  const hidden = gate?.value.hiddenReplies ?? [];
  const next = isHidden ? [...new Set([...hidden, request.messageExternalId])] : hidden.filter((uri) => uri !== request.messageExternalId);
  if (next.length === hidden.length && next.every((uri, index) => uri === hidden[index])) return;
  if (next.length > MAX_HIDDEN) throw new ConnectorError(`Bluesky: a thread can hide at most ${MAX_HIDDEN} replies`, 'permanent');
  const target = { repo: client.did, collection: THREADGATE, rkey };
  if (!gate) {
    const record = { $type: THREADGATE, post: rootUri, createdAt: new Date(now).toISOString(), hiddenReplies: next };
    await client.call('hiding the reply', (agent) => agent.com.atproto.repo.createRecord({ ...target, record }, { signal }));
    return;
  }
  const rest = { ...gate.value };
  delete rest.hiddenReplies;
  const holdsNothingElse = next.length === 0 && rest.allow === undefined && rest.detachedEmbeddingUris === undefined;
  if (holdsNothingElse) {
    await client.call('showing the reply', (agent) => agent.com.atproto.repo.deleteRecord({ ...target, swapRecord: gate.cid }, { signal }));
    return;
  }
  const record = next.length === 0 ? rest : { ...rest, hiddenReplies: next };
  await client.call(isHidden ? 'hiding the reply' : 'showing the reply', (agent) => agent.com.atproto.repo.putRecord({ ...target, record, swapRecord: gate.cid }, { signal }));
}

async function readGate(client: BlueskyClient, rkey: string, signal: AbortSignal): Promise<Threadgate | null> {
  try {
    const { data } = await client.call('reading the thread’s gate', (agent) => agent.com.atproto.repo.getRecord({ repo: client.did, collection: THREADGATE, rkey }, { signal }));
    return { cid: data.cid ?? '', value: data.value as Threadgate['value'] };
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === 'not_found') return null;
    throw error;
  }
}
