import { z } from 'zod';
import type { MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import type { SyncRequest } from '../connector';
import { xListSchema, xProblemSchema } from './xEntities';
import type { XHttp } from './xHttp';
import { listCost } from './xQueries';
import { readXRef } from './xRef';

/** When recent posts were last looked up again (epoch ms). */
export const RECHECK_AT_CURSOR = 'recheckAt';
/** Once a day, the newest twenty: each post returned costs a read (US$0.10 a day at most). */
const RECHECK_EVERY_MS = 86_400_000;
const RECHECK_COUNT = 20;

/**
 * Deletions the mentions timeline does not announce: once a day, the newest stored posts are
 * looked up (`GET /2/tweets?ids=`); X answers a deleted one in `errors[]` beside `data`, as a
 * `resource-not-found` problem naming it. (An edit is a new post with its own id, which arrives
 * as a mention of its own.) DMs are left out: X has no lookup of one DM event by id for them.
 */
export async function recheckDeletions(http: XHttp, now: number, request: SyncRequest): Promise<{ updates: MessageUpdateInput[]; cursors: Record<string, string> }> {
  const last = Number(request.cursors[RECHECK_AT_CURSOR] ?? NaN);
  if (Number.isFinite(last) && now - last < RECHECK_EVERY_MS) return { updates: [], cursors: {} };
  const posts = request.recheck.flatMap(({ externalId, ref }) => {
    const read = readXRef(ref);
    return read === null || read.dm ? [] : [{ externalId, id: read.id }];
  }).slice(0, RECHECK_COUNT);
  if (posts.length === 0) return { updates: [], cursors: { [RECHECK_AT_CURSOR]: String(now) } };
  const response = await http.call({ path: '/2/tweets', query: { ids: posts.map((post) => post.id).join(','), 'tweet.fields': 'created_at' }, what: 'looking up recent posts again', cost: listCost('posts'), signal: request.signal });
  const gone = new Set(
    (xListSchema.safeParse(response.body).data?.errors ?? []).flatMap((raw) => {
      const problem = xProblemSchema.extend({ resource_id: z.string().nullish() }).safeParse(raw);
      return problem.success && problem.data.type?.endsWith('/resource-not-found') && problem.data.resource_id ? [problem.data.resource_id] : [];
    }),
  );
  const updates = posts.filter((post) => gone.has(post.id)).map((post): MessageUpdateInput => ({ change: 'deleted', platform: 'x', externalId: post.externalId, deletedAt: now }));
  return { updates, cursors: { [RECHECK_AT_CURSOR]: String(now) } };
}
