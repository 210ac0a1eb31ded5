import { MODERATION_ACTIONS, type ModerationAction } from '../../../../shared/domain/moderation';
import { ConnectorError, type ModerationDone, type ModerationRequest } from '../connector';
import type { BrandLookup } from './mastodonBrand';
import type { MastodonHttp, MastodonRequest } from './mastodonHttp';
import { readRef, type MastodonRef } from './mastodonRef';

type Handler = (ref: MastodonRef, request: ModerationRequest) => Pick<MastodonRequest, 'method' | 'path' | 'body'> & { what: string };

const accountAction = (verb: string, what: string): Handler => (ref) => ({ method: 'POST', path: `/api/v1/accounts/${encodeURIComponent(ref.accountId)}/${verb}`, what });
const report = (category: 'spam' | 'other'): Handler => (ref, request) => ({
  method: 'POST',
  path: '/api/v1/reports',
  body: { account_id: ref.accountId, status_ids: [ref.id], comment: (request.reason ?? '').slice(0, 1_000), category },
  what: 'reporting',
});

/**
 * What Mastodon lets a brand do to someone else's message (there is no hiding a reply there),
 * and to its own reply (`delete_own`), keyed by action.
 */
const HANDLERS: Readonly<Partial<Record<ModerationAction, Handler>>> = {
  block_author: accountAction('block', 'blocking'),
  unblock_author: accountAction('unblock', 'unblocking'),
  mute_author: accountAction('mute', 'muting'),
  unmute_author: accountAction('unmute', 'unmuting'),
  mark_spam: report('spam'),
  report: report('other'),
  delete_own: (ref) => ({ method: 'DELETE', path: `/api/v1/statuses/${encodeURIComponent(ref.id)}`, what: 'deleting' }),
};

export const MASTODON_MODERATION: readonly ModerationAction[] = MODERATION_ACTIONS.filter((action) => action in HANDLERS);

/**
 * Acts on the server with the ids the message's ref keeps (ids are per server). Blocking,
 * muting and their undoing are idempotent there; deleting a status already gone is done. A
 * server without the endpoint (snac has no mute and no status deletion) answers 404 with a page
 * rather than Mastodon's JSON error: that is a refusal, named, never a silent success.
 */
export async function moderateOnMastodon(http: MastodonHttp, brands: BrandLookup, request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
  const { action } = request;
  const handler = HANDLERS[action];
  if (!handler) throw new ConnectorError(`Mastodon cannot ${action.replace(/_/g, ' ')}.`, 'permanent');
  const ref = readRef(request.messageRef);
  if (ref === null) throw new ConnectorError('This message has no Mastodon reference (it was stored before Pieuvre kept one).', 'permanent');
  if (action === 'delete_own' && ref.accountId !== (await brands.get(signal)).localId) {
    throw new ConnectorError('Only the brand’s own replies can be deleted on Mastodon.', 'permanent');
  }
  const { what, ...call } = handler(ref, request);
  const response = await http.send({ ...call, signal });
  if (response.status === 404 && !isJsonError(response.body)) throw new ConnectorError(`${http.origin} does not offer ${what} through its API.`, 'permanent');
  if (response.status === 404 && action === 'delete_own') return { undoRef: null };
  http.ensureOk(response, call);
  return { undoRef: null };
}

const isJsonError = (body: unknown): boolean => typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string';
