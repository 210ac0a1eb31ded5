import type { ModerationAction } from '../../../../shared/domain/moderation';
import { ConnectorError, type ModerationDone, type ModerationRequest } from '../connector';
import type { InstagramHttp } from './instagramHttp';
import { graphPath } from './instagramHosts';
import { readRef } from './instagramRef';

/**
 * What the Instagram API lets an account do to comments on its own media: hide and show again
 * (`POST /{comment-id}?hide=`), delete anyone's (`DELETE /{comment-id}`), its own replies
 * included. There is no ban, block, restrict or report through the API, and nothing on DMs.
 */
export const INSTAGRAM_MODERATION: readonly ModerationAction[] = ['hide', 'unhide', 'delete', 'delete_own'];

/** Hiding a hidden comment is fine on Instagram; deleting one already gone (its "does not exist") is done. */
export async function moderateOnInstagram(http: InstagramHttp, request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
  if (!INSTAGRAM_MODERATION.includes(request.action)) throw new ConnectorError(`Instagram’s API cannot ${request.action.replace(/_/gu, ' ')}.`, 'permanent');
  const kind = readRef(request.messageRef)?.kind;
  if (kind === 'dm' || kind === 'private_reply') throw new ConnectorError('Instagram’s API moderates comments only, not direct messages.', 'permanent');
  const path = graphPath(`/${encodeURIComponent(request.messageExternalId)}`);
  if (request.action === 'hide' || request.action === 'unhide') {
    await http.call({ method: 'POST', path, query: { hide: String(request.action === 'hide') }, signal });
    return { undoRef: null };
  }
  try {
    await http.call({ method: 'DELETE', path, signal });
  } catch (error) {
    if (!(error instanceof ConnectorError && error.kind === 'not_found')) throw error;
  }
  return { undoRef: null };
}
