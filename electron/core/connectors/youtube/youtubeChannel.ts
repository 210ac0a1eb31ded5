import { ConnectorError } from '../connector';
import { channelSchema, listResponseSchema } from './youtubeEntities';

export type YoutubeChannel = { id: string; title: string; handle: string };

/** The signed-in channel from `channels.list?mine=true` (1 unit): its id, title and `@handle`. */
export function channelFrom(body: unknown): YoutubeChannel {
  const list = listResponseSchema.safeParse(body);
  const channel = list.success ? channelSchema.safeParse(list.data.items[0]) : null;
  if (!channel?.success) throw new ConnectorError('This Google account has no YouTube channel: create one on YouTube, then sign in again.', 'permanent');
  const { id, snippet } = channel.data;
  return { id, title: snippet.title, handle: snippet.customUrl ?? snippet.title };
}

export const MINE_QUERY = { part: 'snippet', mine: 'true' } as const;
