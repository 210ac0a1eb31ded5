import type { ModerationAction } from '../../../../shared/domain/moderation';
import { ConnectorError, type ModerationDone, type ModerationRequest } from '../connector';
import type { FacebookPage } from './facebookNormalise';
import { readRef, type FacebookRef } from './facebookRef';
import type { PageCall, PageGraph } from './pageSession';

type Call = Omit<PageCall, 'signal'>;
type Handler = (ref: FacebookRef, request: ModerationRequest, page: FacebookPage) => Call;

const commentOnly = (ref: FacebookRef, what: string): Extract<FacebookRef, { kind: 'comment' }> => {
  if (ref.kind !== 'comment') throw new ConnectorError(`Facebook cannot ${what} a Messenger message, only a comment.`, 'permanent');
  return ref;
};
const hiding = (isHidden: boolean): Handler => (ref) => ({ method: 'POST', path: `/${encodeURIComponent(commentOnly(ref, isHidden ? 'hide' : 'unhide').id)}`, body: { is_hidden: isHidden }, what: isHidden ? 'hiding the comment' : 'showing the comment again' });
const deleting: Handler = (ref) => ({ method: 'DELETE', path: `/${encodeURIComponent(commentOnly(ref, 'delete').id)}`, what: 'deleting the comment' });
/** A Messenger author is named by PSID, a commenter by the id Graph gave (`user`), as `/{page-id}/blocked` takes them. */
const blocking = (method: 'POST' | 'DELETE'): Handler => (ref, request, page) => {
  const who = ref.kind === 'dm' ? { psid: request.authorExternalId } : { user: request.authorExternalId };
  const what = method === 'POST' ? 'banning the person from the Page' : 'lifting the ban';
  return method === 'POST' ? { method, path: `/${encodeURIComponent(page.id)}/blocked`, body: who, what } : { method, path: `/${encodeURIComponent(page.id)}/blocked`, query: who, what };
};

/** What a Page may do to what people write on it, with the MODERATE task (Graph's comment node and `/{page-id}/blocked`). */
const HANDLERS: Readonly<Partial<Record<ModerationAction, Handler>>> = {
  hide: hiding(true),
  unhide: hiding(false),
  delete: deleting,
  delete_own: deleting,
  block_author: blocking('POST'),
  unblock_author: blocking('DELETE'),
};

/** The actions this Page's token allows: all of them with the MODERATE task, none without. */
export const facebookModeration = (tasks: readonly string[]): ModerationAction[] => (tasks.includes('MODERATE') ? (Object.keys(HANDLERS) as ModerationAction[]) : []);

/**
 * Acts on Facebook. Each is idempotent there: hiding a hidden comment or banning a banned person
 * succeeds again, and deleting a comment already gone (Graph's "does not exist") is done.
 */
export async function moderateOnFacebook(graph: PageGraph, page: FacebookPage, allowed: readonly ModerationAction[], request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
  const handler = HANDLERS[request.action];
  if (!handler || !allowed.includes(request.action)) throw new ConnectorError(`This Page’s token cannot ${request.action.replace(/_/gu, ' ')} on Facebook (it needs the Page’s MODERATE task).`, 'permanent');
  const ref = readRef(request.messageRef);
  if (ref === null) throw new ConnectorError('This message has no Facebook reference (it was stored before Pieuvre kept one).', 'permanent');
  if (request.action === 'delete_own' && request.authorExternalId !== page.id) throw new ConnectorError('Only the Page’s own replies are deleted this way.', 'permanent');
  try {
    await graph.call({ ...handler(ref, request, page), signal });
  } catch (error) {
    const isGone = error instanceof ConnectorError && error.kind === 'not_found';
    if (!(isGone && (request.action === 'delete' || request.action === 'delete_own'))) throw error;
  }
  return { undoRef: null };
}
