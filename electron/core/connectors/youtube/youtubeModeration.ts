import { MODERATION_ACTIONS, type ModerationAction } from '../../../../shared/domain/moderation';
import { ConnectorError, type ModerationDone, type ModerationRequest } from '../connector';
import type { YoutubeHttp, YoutubeRequest } from './youtubeHttp';
import { QUOTA_COST, type YoutubeQuota } from './youtubeQuota';
import { readYoutubeRef, type YoutubeRef } from './youtubeRef';

type Call = Pick<YoutubeRequest, 'method' | 'path' | 'query'>;

const status = (moderationStatus: string, banAuthor?: 'true'): ((ref: YoutubeRef) => Call) => (ref) => ({
  method: 'POST',
  path: '/youtube/v3/comments/setModerationStatus',
  query: { id: ref.id, moderationStatus, banAuthor },
});

/**
 * What the channel's owner can do on YouTube, as the app's actions: hiding is holding a comment
 * for review (published again by unhiding); deleting someone else's comment is rejecting it (the
 * reference: "To remove a comment authored by another user … set its moderation status to
 * rejected"); blocking is rejecting with `banAuthor` (YouTube has no unban through the API);
 * only the brand's own replies are deleted with comments.delete. No muting, no reporting.
 */
const CALLS: Readonly<Partial<Record<ModerationAction, (ref: YoutubeRef) => Call>>> = {
  hide: status('heldForReview'),
  unhide: status('published'),
  delete: status('rejected'),
  block_author: status('rejected', 'true'),
  delete_own: (ref) => ({ method: 'DELETE', path: '/youtube/v3/comments', query: { id: ref.id } }),
};

export const YOUTUBE_MODERATION: readonly ModerationAction[] = MODERATION_ACTIONS.filter((action) => action in CALLS);

/**
 * One action (50 units). Setting a status a comment already has is accepted again by YouTube,
 * and a comment already gone counts as deleted or rejected: the outbox may send any action twice.
 */
export async function moderateOnYoutube(http: YoutubeHttp, quota: YoutubeQuota, channelId: string, request: ModerationRequest, signal: AbortSignal): Promise<ModerationDone> {
  const call = CALLS[request.action];
  if (!call) throw new ConnectorError(`YouTube cannot ${request.action.replace(/_/g, ' ')}.`, 'permanent');
  const ref = readYoutubeRef(request.messageRef);
  if (ref === null) throw new ConnectorError('This message has no YouTube reference (it was stored before Pieuvre kept one).', 'permanent');
  if (request.action === 'delete_own' && ref.author !== channelId) throw new ConnectorError('Only the channel’s own replies can be deleted on YouTube; reject someone else’s comment instead.', 'permanent');
  quota.ensureWrite();
  try {
    await http.call({ ...call(ref), cost: QUOTA_COST.write, signal });
  } catch (error) {
    const isGone = error instanceof ConnectorError && error.kind === 'not_found';
    if (isGone && (request.action === 'delete' || request.action === 'delete_own' || request.action === 'block_author')) return { undoRef: null };
    throw error;
  }
  return { undoRef: null };
}
