import { randomFor } from '../../demo/demoRandom';

/**
 * What the X contract server holds: users, posts and DM events shaped as X API v2 sends them
 * (docs.x.com examples, openapi.json v2.167), and `seed` to fill it with realistic mentions
 * and DMs (French and English, some hostile, some with links or emoji).
 */
export type ContractUser = { id: string; username: string; name: string; profile_image_url: string; verified: boolean; public_metrics: { followers_count: number } };
export type ContractPost = {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted'; id: string }[];
  entities?: { mentions?: { start: number; end: number; username: string; id: string }[]; urls?: { start: number; end: number; url: string; expanded_url: string; display_url: string }[] };
  lang: string;
  edit_history_tweet_ids: string[];
};
export type ContractDmEvent = { id: string; event_type: 'MessageCreate'; text: string; sender_id: string; dm_conversation_id: string; created_at: string };

export const BRAND_USER: ContractUser = { id: '2244994945', username: 'brulerie', name: 'Brûlerie du Quai', profile_image_url: 'https://pbs.twimg.com/profile_images/1/brulerie_normal.jpg', verified: false, public_metrics: { followers_count: 5120 } };

/** X's snowflake ids grow with time: (ms since X's epoch) << 22, plus a sequence. */
const X_EPOCH = 1288834974657n;
export const snowflake = (at: number, sequence: number): string => (((BigInt(at) - X_EPOCH) << 22n) + BigInt(sequence % 4096)).toString();

const AUTHORS: readonly ContractUser[] = [
  ['1600000000000000001', 'marie_tremblay', 'Marie Tremblay'],
  ['1600000000000000002', 'jsmith_coffee', 'John Smith'],
  ['1600000000000000003', 'gab_lavoie', 'Gabrielle Lavoie 🌿'],
  ['1600000000000000004', 'angry_customer', 'Not Happy'],
  ['1600000000000000005', 'promo_bot_77', 'Best Deals 💰'],
].map(([id, username, name], index) => ({ id: id!, username: username!, name: name!, profile_image_url: `https://pbs.twimg.com/profile_images/${index + 2}/a_normal.jpg`, verified: index === 1, public_metrics: { followers_count: 10 + index * 37 } }));

const TEXTS: readonly { text: string; lang: string; link?: string }[] = [
  { text: 'Bonjour, est-ce que vous êtes ouverts le dimanche ? ☕', lang: 'fr' },
  { text: 'Your cold brew is the best in town, thanks! 🙌', lang: 'en' },
  { text: 'Ma commande n’est jamais arrivée, c’est inacceptable.', lang: 'fr' },
  { text: 'This is the worst service ever, you are all idiots', lang: 'en' },
  { text: 'Check this out https://t.co/AbCdEf1234', lang: 'en', link: 'https://deals.example/coffee' },
  { text: 'Avez-vous du lait d’avoine? Merci 🌱', lang: 'fr' },
  { text: 'Quand est-ce que la nouvelle torréfaction sera disponible?', lang: 'fr' },
  { text: 'Loved the croissant 🥐🥐 will come back', lang: 'en' },
];

/** `count` mentions of the brand, newest at `newest`, one every `spacingMs`; every fifth answers an earlier one in its conversation. */
export function seedMentions(count: number, newest: number, spacingMs: number, seed = 7): { posts: ContractPost[]; users: ContractUser[] } {
  const random = randomFor(seed, 0x78, 0);
  const posts: ContractPost[] = [];
  for (let index = 0; index < count; index++) {
    const at = newest - (count - 1 - index) * spacingMs;
    const author = AUTHORS[random.int(AUTHORS.length)]!;
    const body = TEXTS[random.int(TEXTS.length)]!;
    const id = snowflake(at, index);
    const parent = index % 5 === 4 ? posts[index - 1] : undefined;
    posts.push(mentionPost({ id, author, text: body.text, lang: body.lang, link: body.link, at, parent }));
  }
  return { posts, users: [BRAND_USER, ...AUTHORS] };
}

/** One post mentioning the brand, as X would return it with `entities`. */
export function mentionPost(options: { id: string; author: ContractUser; text: string; lang?: string; link?: string | undefined; at: number; parent?: ContractPost | undefined; mentionsBrand?: boolean }): ContractPost {
  const mentionsBrand = options.mentionsBrand ?? true;
  const prefix = mentionsBrand ? `@${BRAND_USER.username} ` : '';
  const text = `${prefix}${options.text}`;
  const post: ContractPost = {
    id: options.id,
    text,
    author_id: options.author.id,
    created_at: new Date(options.at).toISOString(),
    conversation_id: options.parent?.conversation_id ?? options.id,
    lang: options.lang ?? 'en',
    edit_history_tweet_ids: [options.id],
    entities: mentionsBrand ? { mentions: [{ start: 0, end: prefix.length - 1, username: BRAND_USER.username, id: BRAND_USER.id }] } : {},
  };
  if (options.parent) {
    post.in_reply_to_user_id = options.parent.author_id;
    post.referenced_tweets = [{ type: 'replied_to', id: options.parent.id }];
  }
  const tco = options.link ? text.match(/https:\/\/t\.co\/\w+/u) : null;
  if (tco && options.link) post.entities = { ...post.entities, urls: [{ start: tco.index!, end: tco.index! + tco[0].length, url: tco[0], expanded_url: options.link, display_url: options.link.replace(/^https?:\/\//u, '') }] };
  return post;
}

/** `count` DM events from the seeded authors to the brand, each in its one-to-one conversation (`smallerId-largerId`). */
export function seedDms(count: number, newest: number, spacingMs: number, seed = 11): ContractDmEvent[] {
  const random = randomFor(seed, 0x64, 0);
  return Array.from({ length: count }, (_, index) => {
    const at = newest - (count - 1 - index) * spacingMs;
    const author = AUTHORS[random.int(AUTHORS.length)]!;
    return { id: snowflake(at, 2048 + index), event_type: 'MessageCreate', text: TEXTS[random.int(TEXTS.length)]!.text, sender_id: author.id, dm_conversation_id: oneToOne(author.id, BRAND_USER.id), created_at: new Date(at).toISOString() };
  });
}

export const oneToOne = (a: string, b: string): string => [a, b].sort((x, y) => (x.length !== y.length ? x.length - y.length : x < y ? -1 : 1)).join('-');

export const SEEDED_AUTHORS = AUTHORS;
