import { xListSchema } from './xEntities';
import { readCost } from './xPricing';

/** X's largest page for the mentions timeline and DM events. */
export const X_PAGE_SIZE = 100;

/** What a mention carries: the fields the normaliser reads, its author, and the posts it quotes or answers (to tell a quote of the brand). */
export const MENTION_FIELDS = {
  'tweet.fields': 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,entities,lang',
  expansions: 'author_id,referenced_tweets.id',
  'user.fields': 'username,name,profile_image_url,verified,public_metrics',
} as const;

export const DM_FIELDS = {
  event_types: 'MessageCreate',
  'dm_event.fields': 'id,event_type,text,sender_id,dm_conversation_id,created_at',
  expansions: 'sender_id',
  'user.fields': 'username,name,profile_image_url,verified,public_metrics',
} as const;

/** What a list answer cost: X bills every resource returned, the expanded users and posts included. */
export function listCost(kind: 'posts' | 'dmEvents'): (body: unknown) => number {
  return (body) => {
    const list = xListSchema.safeParse(body);
    if (!list.success) return 0;
    const data = list.data.data?.length ?? 0;
    const users = list.data.includes?.users?.length ?? 0;
    const posts = (list.data.includes?.tweets?.length ?? 0) + (list.data.includes?.posts?.length ?? 0);
    return readCost(kind === 'posts' ? { posts: data + posts, users, dmEvents: 0 } : { posts, users, dmEvents: data });
  };
}
