import type { ModerationAction } from '../../../../shared/domain/moderation';
import { ConnectorError, type ModerationDone, type ModerationRequest } from '../connector';
import type { RedditBrand } from './normaliseInboxItem';
import { apiError, type RedditApiError } from './redditApiErrors';
import { jsonEnvelopeSchema } from './redditEntities';
import type { RedditHttp } from './redditHttp';
import type { ModeratedCommunities } from './redditModerators';
import { readRef, type RedditRef } from './redditRef';

type Call = { path: string; form: Record<string, string>; what: string };
type Handler = (ref: RedditRef, request: ModerationRequest) => Call;

/** Reddit's report reasons are at most 100 characters. */
const REASON_MAX = 100;

/**
 * What each action is on Reddit. A moderator's removal is what hiding is elsewhere (the comment
 * leaves the community's listings, and approving it brings it back); removing as spam also
 * trains the community's filter. Blocking goes through the inbox (`/api/block`, which needs no
 * scope beyond private messages). `delete_own` deletes the brand's own comment.
 */
const HANDLERS: Readonly<Partial<Record<ModerationAction, Handler>>> = {
  hide: (ref) => ({ path: '/api/remove', form: { id: ref.name, spam: 'false' }, what: 'remove this comment' }),
  mark_spam: (ref) => ({ path: '/api/remove', form: { id: ref.name, spam: 'true' }, what: 'remove this comment as spam' }),
  unhide: (ref) => ({ path: '/api/approve', form: { id: ref.name }, what: 'approve this comment' }),
  block_author: (ref) => ({ path: '/api/block', form: { id: ref.name }, what: 'block its author' }),
  report: (ref, request) => ({ path: '/api/report', form: { api_type: 'json', thing_id: ref.name, reason: (request.reason ?? 'Reported from Pieuvre').slice(0, REASON_MAX) }, what: 'report it' }),
  delete_own: (ref) => ({ path: '/api/del', form: { id: ref.name }, what: 'delete this reply' }),
};

/** The actions a moderator of a community takes there; the rest any account takes. */
const MODERATOR_ACTIONS: ReadonlySet<ModerationAction> = new Set(['hide', 'unhide', 'mark_spam']);

/** What the account may do: a moderator of at least one community also removes and approves. */
export function redditModeration(moderated: ReadonlySet<string> | null): ModerationAction[] {
  return (Object.keys(HANDLERS) as ModerationAction[]).filter((action) => !MODERATOR_ACTIONS.has(action) || (moderated?.size ?? 0) > 0);
}

/**
 * Acts on one message. Removing, approving, blocking and deleting are idempotent on Reddit (the
 * same answer the second time), and deleting what is already gone is done.
 */
export async function moderateOnReddit(http: RedditHttp, brand: RedditBrand, communities: ModeratedCommunities, request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
  const handler = HANDLERS[request.action];
  if (!handler) throw new ConnectorError(`Reddit cannot ${request.action.replace(/_/gu, ' ')}.`, 'permanent');
  const ref = readRef(request.messageRef);
  if (ref === null) throw new ConnectorError('This message has no Reddit reference (it was stored before Pieuvre kept one).', 'permanent');
  if (MODERATOR_ACTIONS.has(request.action)) await ensureModerator(communities, ref, signal);
  if (request.action === 'delete_own' && (ref.author?.toLowerCase() !== brand.name.toLowerCase() || !ref.name.startsWith('t1_'))) {
    throw new ConnectorError('Only the brand’s own comments can be deleted on Reddit.', 'permanent');
  }
  const { what, ...call } = handler(ref, request);
  const response = await http.send({ method: 'POST', ...call, signal, purpose: 'act' });
  if (response.status === 404 && request.action === 'delete_own') return { undoRef: null };
  http.ensureOk(response, `POST ${call.path}`);
  const envelope = jsonEnvelopeSchema.safeParse(response.body);
  if (envelope.success && envelope.data.json.errors.length > 0) throw apiError(envelope.data.json.errors as RedditApiError[], what);
  return { undoRef: null };
}

async function ensureModerator(communities: ModeratedCommunities, ref: RedditRef, signal: AbortSignal): Promise<void> {
  if (ref.subreddit === null) throw new ConnectorError('A private message cannot be removed or approved, only its author blocked or reported.', 'permanent');
  const moderated = await communities.get(signal);
  if (!moderated.has(ref.subreddit.toLowerCase())) throw new ConnectorError(`The account is not a moderator of r/${ref.subreddit}: only its moderators can remove or approve there.`, 'permanent');
}
