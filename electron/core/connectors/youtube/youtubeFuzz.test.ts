import { describeConnectorFuzz } from '../../testing/connectorFuzz';
import { BRAND_CHANNEL, threadResource } from './contract/youtubeResources';
import { seedThreads } from './contract/youtubeSeed';
import { normaliseThread } from './normaliseComment';

// commentThread resources as the contract server serves them (top-level comments, embedded
// replies, held ones), through the shared connector fuzz (FUZZ_SEED=n replays a run).

const ORIGINALS: readonly unknown[] = seedThreads(60, { newest: Date.parse('2026-12-05T18:00:00Z'), brandChannelId: BRAND_CHANNEL.id, seed: 7 })
  .filter((thread, index) => thread.replies.length > 0 || index % 4 === 0)
  .map((thread) => threadResource(thread, BRAND_CHANNEL.id, 'plainText', thread.replies));

describeConnectorFuzz({
  name: 'YouTube',
  platform: 'youtube',
  externalId: BRAND_CHANNEL.id,
  normalise: (index, mutate) => {
    const thread = normaliseThread(mutate(ORIGINALS[index % ORIGINALS.length]), BRAND_CHANNEL.id);
    return [...thread.items.map((item) => ({ outcome: 'item' as const, item })), ...thread.rejected.map(({ reason }) => ({ outcome: 'rejected' as const, reason }))];
  },
});
