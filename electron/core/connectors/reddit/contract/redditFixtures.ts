import { randomFor } from '../../demo/demoRandom';

/**
 * Reddit things shaped as the reference's examples show them (the "Direct Message" and "Comment"
 * schemas of Pyprohly/reddit-api-doc-notes, which document what reddit.com/dev/api leaves out),
 * for the contract server and the fuzz test.
 */

export const BRAND = { id: '1abc2d', name: 'brulerie_mtl' } as const;
/** The time the seeded inbox ends at (Unix seconds). */
export const SEED_END_S = Date.parse('2026-12-04T12:00:00.000Z') / 1000;

export type Thing = { kind: string; data: Record<string, unknown> };

/** A comment message in the inbox: a reply to the brand's post or comment, or a username mention. */
export function commentMessage(id36: string, options: { type?: 'comment_reply' | 'post_reply' | 'username_mention'; author?: string; body?: string; createdS?: number; post?: string; subreddit?: string } = {}): Thing {
  const { type = 'comment_reply', author = 'tremblay_j', body = 'Vous ouvrez à quelle heure dimanche?', createdS = SEED_END_S, post = 'o285jq', subreddit = 'montreal' } = options;
  return {
    kind: 't1',
    data: {
      first_message: null,
      first_message_name: null,
      subreddit,
      likes: null,
      replies: '',
      author_fullname: `t2_${author.length.toString(36)}${id36}`,
      id: id36,
      subject: type === 'username_mention' ? 'username mention' : type === 'post_reply' ? 'post reply' : 'comment reply',
      associated_awarding_id: null,
      score: 1,
      author,
      num_comments: 12,
      parent_id: type === 'post_reply' ? `t3_${post}` : 't1_h27aaaa',
      subreddit_name_prefixed: `r/${subreddit}`,
      new: true,
      type,
      body,
      link_title: 'Nouvelle torréfaction chez Brûlerie MTL',
      dest: BRAND.name,
      was_comment: true,
      body_html: `&lt;div class="md"&gt;&lt;p&gt;${body}&lt;/p&gt;&lt;/div&gt;`,
      name: `t1_${id36}`,
      created: createdS - 28_800,
      created_utc: createdS,
      context: `/r/${subreddit}/comments/${post}/nouvelle_torrefaction/${id36}/?context=3`,
      distinguished: null,
    },
  };
}

/** A composed (private) message; `replyTo` makes it a reply in that message thread. */
export function privateMessage(id36: string, options: { author?: string; body?: string; createdS?: number; replyTo?: string; subject?: string } = {}): Thing {
  const { author = 'sarah_g', body = 'Hi! Do you ship to Quebec City?', createdS = SEED_END_S, replyTo, subject = 'Shipping' } = options;
  return {
    kind: 't4',
    data: {
      first_message: replyTo ? parseInt(replyTo.slice(3), 36) : null,
      first_message_name: replyTo ?? null,
      subreddit: null,
      likes: null,
      replies: '',
      author_fullname: `t2_${id36}x`,
      id: id36,
      subject: replyTo ? `re: ${subject}` : subject,
      associated_awarding_id: null,
      score: 0,
      author,
      num_comments: null,
      parent_id: replyTo ?? null,
      subreddit_name_prefixed: null,
      new: true,
      type: 'unknown',
      body,
      dest: BRAND.name,
      was_comment: false,
      body_html: `&lt;!-- SC_OFF --&gt;&lt;div class="md"&gt;&lt;p&gt;${body}&lt;/p&gt;&lt;/div&gt;`,
      name: `t4_${id36}`,
      created: createdS - 28_800,
      created_utc: createdS,
      context: '',
      distinguished: null,
    },
  };
}

const TEXTS = [
  'Vous ouvrez à quelle heure dimanche?',
  'Meilleur café en ville, merci à toute l’équipe ☕️❤️',
  'Ma commande #4412 est arrivée brisée. Pas fort.',
  'Is the Saint-Denis shop dog friendly? 🐶',
  'Your espresso machine ruined my morning, absolute garbage service.',
  'Vous êtes des voleurs, 9 $ pour un latte?! Honte à vous.',
  'FREE crypto giveaway!!! claim now at https://bit.ly/3scam-claim',
  'Any plans for oat milk at the Plateau location? https://www.reddit.com/r/montreal/',
  'Allo! Est-ce que vous livrez à Laval? 🙏',
  'Thanks for replying so fast, problem solved 👍',
  'C’est la troisième fois que j’attends 40 minutes. Ridicule.',
  'Love the new roast 🔥🔥 where can I buy the beans?',
] as const;
const AUTHORS = ['tremblay_j', 'sarah_g', 'mtl_foodie', 'gagnon-p', 'coffee_snob_99', 'lavoie_m', 'throwaway_8812', 'n_roy'] as const;
const KINDS = ['comment_reply', 'post_reply', 'username_mention', 'pm'] as const;

/**
 * `count` inbox items, newest first, one or two minutes apart, ending at `endS`: replies,
 * mentions and private messages in French and English, some hostile, some with links or emoji.
 * The same seed gives the same inbox.
 */
export function seedInbox(count: number, seed = 1, endS = SEED_END_S): Thing[] {
  const random = randomFor(seed, 0x7265, 0);
  const things: Thing[] = [];
  let createdS = endS;
  for (let index = 0; index < count; index++) {
    const id36 = (0x1000000 + count - index).toString(36);
    const kind = random.pick(KINDS);
    const author = random.pick(AUTHORS);
    const body = `${random.pick(TEXTS)}${random.chance(0.2) ? ` (${index})` : ''}`;
    things.push(kind === 'pm' ? privateMessage(id36, { author, body, createdS }) : commentMessage(id36, { type: kind, author, body, createdS, post: `p${(index % 40).toString(36)}` }));
    createdS -= 60 + random.int(60);
  }
  return things;
}
