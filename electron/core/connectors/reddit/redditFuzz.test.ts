import { describeConnectorFuzz } from '../../testing/connectorFuzz';
import { BRAND, commentMessage, privateMessage } from './contract/redditFixtures';
import { normaliseInboxItem } from './normaliseInboxItem';
import { normaliseQueuedComment } from './normaliseQueuedComment';

// Reddit inbox items shaped as the reference documents them, through the shared connector fuzz
// (FUZZ_SEED=n replays a run).

/** A comment as the moderation queue lists it (the reference's Comment schema). */
const QUEUED = {
  kind: 't1',
  data: { name: 't1_q1', author: 'troll_42', author_fullname: 't2_9zz', body: 'Boycott! https://example.com 😡', parent_id: 't3_zz9', link_id: 't3_zz9', link_title: 'Nouvelle torréfaction', created_utc: 1_764_849_600, edited: false, permalink: '/r/montreal/comments/zz9/nouvelle/q1/', subreddit: 'montreal', removed: false },
};
const ORIGINALS: readonly unknown[] = [
  commentMessage('c1'),
  commentMessage('c2', { type: 'post_reply', body: 'Horrible service, never again 😡 https://example.com/review' }),
  commentMessage('c3', { type: 'username_mention', author: 'brulerie_mtl' }),
  privateMessage('m1'),
  privateMessage('m2', { replyTo: 't4_m1', body: 'Merci beaucoup!' }),
  QUEUED,
];

describeConnectorFuzz({
  name: 'Reddit',
  platform: 'reddit',
  externalId: `t2_${BRAND.id}`,
  normalise: (index, mutate) => {
    const original = ORIGINALS[index % ORIGINALS.length];
    return [original === QUEUED ? normaliseQueuedComment(mutate(original), BRAND) : normaliseInboxItem(mutate(original), BRAND)];
  },
});
