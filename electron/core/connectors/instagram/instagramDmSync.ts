import { z } from 'zod';
import type { MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import type { SyncPage, SyncRequest } from '../connector';
import { conversationSchema } from './instagramEntities';
import { graphTimeMs } from '../meta/graphTime';
import { CONVERSATION_FIELDS, MESSAGE_FIELDS } from './instagramFields';
import type { InstagramHttp } from './instagramHttp';
import { graphPath } from './instagramHosts';
import { readAllPages, readPage } from './instagramPages';
import { readRef } from './instagramRef';
import { normaliseMessage, type InstagramBrand } from './normaliseInstagram';
import { parseJsonAs } from '../parseJsonAs';

/** The DM stream's high-water mark: the newest conversation `updated_time` fully read (epoch ms). */
export const DMS_CURSOR = 'dms';
/** A DM pass under way: conversations at or after `doneDownTo` are read (no Meta cursor is stored). */
export const DMS_PASS_CURSOR = 'dmsPass';
/** Conversations per page: Meta's default; each one costs a call for its messages. */
const CONVERSATIONS_PER_PAGE = '25';

const passSchema = z.object({ hwm: z.number().nullable(), newest: z.number(), doneDownTo: z.number().nullable() });
export type DmsPass = z.output<typeof passSchema>;

export function startDmsPass(cursors: SyncRequest['cursors']): DmsPass {
  const hwm = Number(cursors[DMS_CURSOR]);
  return Number.isFinite(hwm) && cursors[DMS_CURSOR] !== undefined ? { hwm, newest: hwm, doneDownTo: null } : { hwm: null, newest: 0, doneDownTo: null };
}

export const readDmsPass = (value: string | undefined): DmsPass | null => parseJsonAs(value, passSchema);

/** Where the next conversations page is, kept in memory only; after a restart the pass lists from the top again and skips what it did. */
export type NextPage = { after: number | null; url: string } | null;

type Batch = Pick<SyncPage, 'items' | 'updates' | 'rejected'> & { pass: DmsPass; isDone: boolean; next: NextPage };

/**
 * One page of conversations, newest activity first (Meta has no time-based paging here), and
 * the most recent messages of each that moved since the mark. Done once a conversation is at or
 * below the mark, older than the backfill, or the list ends.
 */
export async function readDmsBatch(http: InstagramHttp, brand: InstagramBrand, pass: DmsPass, next: NextPage, request: SyncRequest, recheck: SyncRequest['recheck'], now: number): Promise<Batch> {
  const resume = next !== null && next.after === pass.doneDownTo ? next.url : null;
  const page = resume !== null ? await readPage(http, resume, {}, request.signal) : await readPage(http, graphPath('/me/conversations'), { platform: 'instagram', fields: CONVERSATION_FIELDS, limit: CONVERSATIONS_PER_PAGE }, request.signal);
  const batch: Batch = { items: [], updates: [], rejected: [], pass: { ...pass }, isDone: page.paging?.next === undefined || page.data.length === 0, next: null };
  const floor = Math.max(pass.hwm ?? -1, request.backfillSince - 1);
  for (const raw of page.data) {
    const conversation = conversationSchema.safeParse(raw);
    const updated = conversation.success ? graphTimeMs(conversation.data.updated_time) : null;
    if (!conversation.success || updated === null) {
      batch.rejected.push({ payload: raw, reason: conversation.success ? 'conversation: updated_time is not a date' : 'conversation: not a conversation' });
      continue;
    }
    if (updated <= floor) {
      batch.isDone = true;
      break;
    }
    if (pass.doneDownTo !== null && updated > pass.doneDownTo) continue;
    await readConversation(http, brand, conversation.data.id, request, recheck, now, batch);
    batch.pass.newest = Math.max(batch.pass.newest, updated);
    batch.pass.doneDownTo = updated;
  }
  if (!batch.isDone && page.paging?.next !== undefined) batch.next = { after: batch.pass.doneDownTo, url: page.paging.next };
  return batch;
}

async function readConversation(http: InstagramHttp, brand: InstagramBrand, conversationId: string, request: SyncRequest, recheck: SyncRequest['recheck'], now: number, batch: Batch): Promise<void> {
  // Meta gives only the 20 most recent messages of a conversation: one page is all there is. One
  // conversation at a time: the Conversations API allows 2 calls a second per account.
  const messages = await readAllPages(http, graphPath(`/${encodeURIComponent(conversationId)}/messages`), { fields: MESSAGE_FIELDS }, request.signal, 1);
  const seen = new Set<string>();
  let oldest = Infinity;
  for (const payload of messages) {
    const result = normaliseMessage(payload, conversationId, brand);
    if (result.outcome === 'rejected') {
      batch.rejected.push({ payload, reason: result.reason });
      continue;
    }
    seen.add(result.item.externalId);
    oldest = Math.min(oldest, result.item.createdAt);
    if (result.item.createdAt >= request.backfillSince) batch.items.push(result.item);
  }
  batch.updates.push(...unsent(conversationId, seen, oldest, recheck, now));
}

/** A stored message newer than the oldest one Meta still shows, and not shown, was unsent. */
function unsent(conversationId: string, seen: ReadonlySet<string>, oldest: number, recheck: SyncRequest['recheck'], now: number): MessageUpdateInput[] {
  return recheck.flatMap((stored) => {
    const ref = readRef(stored.ref);
    if (ref?.kind !== 'dm' || ref.conversationId !== conversationId || ref.createdAt < oldest || seen.has(stored.externalId)) return [];
    return [{ change: 'deleted', platform: 'instagram', externalId: stored.externalId, deletedAt: now } satisfies MessageUpdateInput];
  });
}
