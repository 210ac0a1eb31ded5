import type { PlatformRef } from '../connector';

/**
 * What a YouTube comment keeps to be answered or moderated later (`IncomingItem.ref`): its id,
 * its thread (= the top-level comment's id, what a reply's `parentId` names), its video, its
 * author's channel, when it was last changed (an edit is announced once) and whether YouTube
 * held it from the public then (a release in YouTube Studio is noticed).
 */
export type YoutubeRef = { id: string; thread: string; videoId: string | null; author: string; updatedAt: number; isHidden: boolean };

/** A stored ref read back; null when it is not one of ours. */
export function readYoutubeRef(ref: PlatformRef): YoutubeRef | null {
  if (ref === null) return null;
  const { id, thread, videoId, author, updatedAt, isHidden } = ref;
  if (typeof id !== 'string' || typeof thread !== 'string' || typeof author !== 'string' || typeof updatedAt !== 'number') return null;
  return { id, thread, videoId: typeof videoId === 'string' ? videoId : null, author, updatedAt, isHidden: isHidden === true };
}
