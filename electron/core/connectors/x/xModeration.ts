import { MODERATION_ACTIONS, type ModerationAction } from '../../../../shared/domain/moderation';
import { ConnectorError, type ModerationDone, type ModerationRequest } from '../connector';
import type { XBrand } from './normaliseX';
import type { XBudget } from './xBudget';
import type { XHttp, XRequest } from './xHttp';
import { X_PRICES_USD } from './xPricing';
import { readXRef, type XRef } from './xRef';

type Call = Pick<XRequest, 'method' | 'path' | 'body' | 'what'> & { cost: number };
type Handler = (ref: XRef, brand: XBrand, request: ModerationRequest) => Call;

const hidden = (isHidden: boolean): Handler => (ref) => ({ method: 'PUT', path: `/2/tweets/${encodeURIComponent(ref.id)}/hidden`, body: { hidden: isHidden }, what: isHidden ? 'hiding the reply' : 'showing the reply again', cost: X_PRICES_USD.contentManage });
const target = (ref: XRef, request: ModerationRequest): string => (/^[0-9]{1,19}$/u.test(request.authorExternalId) ? request.authorExternalId : ref.authorId);

/**
 * What X lets an account do, keyed by action: hide or show again a reply in a conversation it
 * started, mute or unmute its author, delete its own post. Blocking through the API is
 * Enterprise-only since 2026 (docs.x.com, Blocks), and X has no report or spam endpoint.
 */
const HANDLERS: Readonly<Partial<Record<ModerationAction, Handler>>> = {
  hide: hidden(true),
  unhide: hidden(false),
  mute_author: (ref, brand, request) => ({ method: 'POST', path: `/2/users/${encodeURIComponent(brand.userId)}/muting`, body: { target_user_id: target(ref, request) }, what: 'muting the author', cost: X_PRICES_USD.userInteractionCreate }),
  unmute_author: (ref, brand, request) => ({ method: 'DELETE', path: `/2/users/${encodeURIComponent(brand.userId)}/muting/${encodeURIComponent(target(ref, request))}`, what: 'unmuting the author', cost: X_PRICES_USD.muteDelete }),
  delete_own: (ref) => ({ method: 'DELETE', path: `/2/tweets/${encodeURIComponent(ref.id)}`, what: 'deleting the post', cost: X_PRICES_USD.contentManage }),
};

export const X_MODERATION: readonly ModerationAction[] = MODERATION_ACTIONS.filter((action) => action in HANDLERS);

/**
 * Acts on X. Each is idempotent there (hiding a hidden reply, muting a muted author answer as
 * the first time did); deleting a post already gone is done.
 */
export async function moderateOnX(http: XHttp, budget: XBudget, brand: XBrand, request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
  const handler = HANDLERS[request.action];
  if (!handler) throw new ConnectorError(`X does not let Pieuvre ${request.action.replace(/_/gu, ' ')}.`, 'permanent');
  const ref = readXRef(request.messageRef);
  if (ref === null) throw new ConnectorError('This message has no X reference (it was stored before Pieuvre kept one).', 'permanent');
  if (ref.dm && request.action !== 'mute_author' && request.action !== 'unmute_author') throw new ConnectorError('X has no hiding or deleting of direct messages through its API.', 'permanent');
  if (request.action === 'delete_own' && ref.authorId !== brand.userId) throw new ConnectorError('Only the brand’s own posts can be deleted on X.', 'permanent');
  const { cost, ...call } = handler(ref, brand, request);
  budget.ensureAffordable(cost, call.what);
  try {
    await http.call({ ...call, cost: () => cost, signal });
  } catch (error) {
    if (request.action === 'delete_own' && error instanceof ConnectorError && error.kind === 'not_found') return { undoRef: null };
    throw error;
  }
  return { undoRef: null };
}
