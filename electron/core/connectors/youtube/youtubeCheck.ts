import type { AccountCheck } from '../../../../shared/api/accounts';
import { channelFrom, MINE_QUERY } from './youtubeChannel';
import { listResponseSchema } from './youtubeEntities';
import type { YoutubeHttp } from './youtubeHttp';
import { QUOTA_COST } from './youtubeQuota';

type Step = AccountCheck['steps'][number];

/** Two read-only calls (2 units): who the token is, and one comment thread of the channel. Nothing is stored. */
export async function checkYoutube(http: YoutubeHttp, channelId: string, signal: AbortSignal): Promise<Step[]> {
  const steps: Step[] = [];
  try {
    const channel = channelFrom(await http.call({ path: '/youtube/v3/channels', query: { ...MINE_QUERY }, cost: QUOTA_COST.list, signal }));
    const isSame = channel.id === channelId;
    steps.push({ step: 'channel', ok: isSame, detail: isSame ? `${channel.title} (${channel.handle})` : `the token is for another channel (${channel.id})` });
    if (!isSame) return steps;
    const query = { part: 'snippet', allThreadsRelatedToChannelId: channelId, maxResults: '1', order: 'time', textFormat: 'plainText' };
    const list = listResponseSchema.safeParse(await http.call({ path: '/youtube/v3/commentThreads', query, cost: QUOTA_COST.list, signal }));
    steps.push({ step: 'comments', ok: list.success, detail: list.success ? `${list.data.pageInfo?.totalResults ?? list.data.items.length} comment thread(s) readable` : 'the answer was not a list' });
  } catch (error) {
    steps.push({ step: steps.length === 0 ? 'channel' : 'comments', ok: false, detail: error instanceof Error ? error.message : String(error) });
  }
  return steps;
}
