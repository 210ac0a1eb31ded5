import { z } from 'zod';
import type { SyncPage, SyncRequest } from '../connector';
import { CHAT_PROXY, type BlueskyClient } from './blueskyClient';
import { dmExternalId, dmItem, profileSchema, type ChatProfile } from './blueskyDmItems';

/** The chat change log's position (chat.bsky.convo.getLog's cursor: a rev, as every convo carries). */
export const DM_CURSOR = 'dms';
const PAGE_SIZE = 100;

type DmPage = Pick<SyncPage, 'items' | 'updates' | 'rejected' | 'cursors'>;

const convoSchema = z.object({ id: z.string().min(1), rev: z.string(), members: z.array(z.unknown()).default([]), lastMessage: z.object({ sentAt: z.string().optional() }).passthrough().optional() });
type Convo = z.output<typeof convoSchema>;

/**
 * The brand's direct messages: the first time, the conversations active since `backfillSince`
 * (chat.bsky.convo.listConvos, then getMessages for each); afterwards only the change log
 * (getLog from the stored rev): new messages, and deletions as updates. Every call goes through
 * the PDS to the chat service with the `atproto-proxy` header.
 */
export async function syncDms(client: BlueskyClient, request: SyncRequest, now: number): Promise<DmPage> {
  const cursor = request.cursors[DM_CURSOR];
  return cursor === undefined ? backfillDms(client, request) : followLog(client, request, cursor, now);
}

async function backfillDms(client: BlueskyClient, request: SyncRequest): Promise<DmPage> {
  const convos = await listConvos(client, request.signal);
  const page: DmPage = { items: [], updates: [], rejected: [], cursors: {} };
  const active = convos.filter((convo) => Date.parse(convo.lastMessage?.sentAt ?? '') >= request.backfillSince);
  const answers = await Promise.all(active.map((convo) => client.query('chat.bsky.convo.getMessages', { convoId: convo.id, limit: PAGE_SIZE }, request.signal, CHAT_PROXY)));
  active.forEach((convo, index) => {
    const messages = (answers[index] as { messages?: unknown } | null)?.messages;
    const profiles = profilesOf([...convo.members, ...relatedProfiles(answers[index])]);
    for (const raw of Array.isArray(messages) ? messages : []) {
      if (Date.parse((raw as { sentAt?: unknown } | null)?.sentAt as string) < request.backfillSince) continue;
      if ((raw as { $type?: unknown } | null)?.$type === 'chat.bsky.convo.defs#systemMessageView') continue;
      collect(page, convo.id, raw, client.did, profiles);
    }
  });
  // The newest rev of all conversations: the log continues from there.
  const newest = convos.map((convo) => convo.rev).sort().at(-1);
  page.cursors[DM_CURSOR] = newest ?? '';
  return page;
}

async function followLog(client: BlueskyClient, request: SyncRequest, cursor: string, now: number): Promise<DmPage> {
  const answer = (await client.query('chat.bsky.convo.getLog', { cursor: cursor === '' ? undefined : cursor }, request.signal, CHAT_PROXY)) as { cursor?: unknown; logs?: unknown } | null;
  const logs = Array.isArray(answer?.logs) ? (answer.logs as { $type?: unknown; convoId?: unknown; message?: unknown; relatedProfiles?: unknown }[]) : [];
  const page: DmPage = { items: [], updates: [], rejected: [], cursors: {} };
  const created = logs.filter((log) => log?.$type === 'chat.bsky.convo.defs#logCreateMessage');
  const related = profilesOf(created.flatMap((log) => (Array.isArray(log.relatedProfiles) ? log.relatedProfiles : [])));
  const senders = created.map((log) => (log.message as { sender?: { did?: unknown } } | undefined)?.sender?.did);
  // Older chat services send no relatedProfiles: the conversations' members name the senders then.
  const profiles = senders.every((did) => typeof did !== 'string' || related.has(did) || did === client.did) ? related : new Map([...profilesOf((await listConvos(client, request.signal)).flatMap((convo) => convo.members)), ...related]);
  for (const log of logs) {
    const convoId = typeof log?.convoId === 'string' ? log.convoId : null;
    if (log?.$type === 'chat.bsky.convo.defs#logCreateMessage') {
      if (convoId === null) page.rejected.push({ payload: log, reason: 'bluesky chat log: no convoId' });
      else if ((log.message as { $type?: unknown } | undefined)?.$type !== 'chat.bsky.convo.defs#deletedMessageView') collect(page, convoId, log.message, client.did, profiles);
    } else if (log?.$type === 'chat.bsky.convo.defs#logDeleteMessage' && convoId !== null) {
      const id = (log.message as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') page.updates.push({ change: 'deleted', platform: 'bluesky', externalId: dmExternalId(convoId, id), deletedAt: now });
    }
  }
  if (typeof answer?.cursor === 'string' && answer.cursor !== '') page.cursors[DM_CURSOR] = answer.cursor;
  return page;
}

function collect(page: DmPage, convoId: string, raw: unknown, brandDid: string, profiles: ReadonlyMap<string, ChatProfile>): void {
  const result = dmItem(convoId, raw, brandDid, profiles);
  if (result === null) return;
  if ('item' in result) page.items.push(result.item);
  else page.rejected.push({ payload: raw, reason: result.rejected });
}

/** The most recent conversations (one page: older ones come back through the log when they move). */
async function listConvos(client: BlueskyClient, signal: AbortSignal): Promise<Convo[]> {
  const answer = (await client.query('chat.bsky.convo.listConvos', { limit: PAGE_SIZE }, signal, CHAT_PROXY)) as { convos?: unknown } | null;
  return (Array.isArray(answer?.convos) ? answer.convos : []).flatMap((raw: unknown) => {
    const convo = convoSchema.safeParse(raw);
    return convo.success ? [convo.data] : [];
  });
}

function relatedProfiles(answer: unknown): unknown[] {
  const related = (answer as { relatedProfiles?: unknown } | null)?.relatedProfiles;
  return Array.isArray(related) ? related : [];
}

function profilesOf(raws: readonly unknown[]): Map<string, ChatProfile> {
  const profiles = new Map<string, ChatProfile>();
  for (const raw of raws) {
    const profile = profileSchema.safeParse(raw);
    if (profile.success) profiles.set(profile.data.did, profile.data);
  }
  return profiles;
}
