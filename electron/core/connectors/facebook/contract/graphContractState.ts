import { randomFor } from '../../demo/demoRandom';

/** Objects as the contract server keeps them; answered in Graph's shapes (graphTime, `from`, `parent`). */
export type StoredPost = { id: string; message: string; createdAt: number; updatedAt: number };
export type StoredComment = {
  id: string;
  postId: string;
  parentId: string | null;
  from: Person;
  message: string;
  createdAt: number;
  isHidden: boolean;
  /** The Messenger conversation the Page's private reply to this comment went to (one at most). */
  privateReplyConversation?: string;
};
export type StoredMessage = { id: string; from: Person; to: Person; message: string; createdAt: number };
export type StoredConversation = { id: string; person: Person; messages: StoredMessage[] };
export type Person = { id: string; name: string };

/** Graph's time format: `2026-12-01T10:00:00+0000` (seconds, a `+0000` offset). */
export const graphTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/u, '+0000');

const TEXTS = [
  'Bonjour! Est-ce que la succursale de Québec est ouverte dimanche?',
  'Ma commande #4412 n’est jamais arrivée, c’est la troisième fois 😡',
  'Love the new blend ☕️ any chance it comes in decaf?',
  'Vous êtes vraiment nuls, je vais tout raconter à mes amis. Arnaque!!!',
  'Where can I find the allergy info? https://example.com/menu',
  'Merci pour le service rapide hier 🙏 à la prochaine',
  'This is garbage and so are you. Refund me NOW',
  'Le lien ne marche pas : https://example.org/promo?code=ÉTÉ',
  'Do you ship to Ontario? 🚚',
  'J’ai trouvé un cheveu dans mon café… sérieusement?',
  'FREE IPHONE click here >>> http://spam.example/win <<<',
  'Est-ce que vous engagez pour l’été?',
];
const NAMES = ['Émilie Tremblay', 'Jordan Smith', 'Maxime Gagnon', 'Priya Patel', 'Léa Roy', 'Sam O’Brien', 'Noah Côté', 'Chloé Bouchard'];

/**
 * The Page's content a contract test or the bench starts from: `count` items, four in five
 * comments (a quarter of them replies) over posts of 40, one in five Messenger messages over
 * conversations of 10 (the person and the Page taking turns), spread over the `spanMs` before
 * `now`, in French and English, some hostile, some with links and emoji. Deterministic per seed.
 */
export function seedContent(count: number, options: { pageId: string; pageName: string; now: number; spanMs: number; seed: number }) {
  const page: Person = { id: options.pageId, name: options.pageName };
  const random = randomFor(options.seed, 0xfb, 0);
  const people = NAMES.map((name, index): Person => ({ id: `${7_100_000_000 + index * 7919 + options.seed}`, name }));
  const at = (index: number): number => options.now - options.spanMs + Math.floor(((index + 1) / (count + 1)) * options.spanMs);
  const posts: StoredPost[] = [];
  const comments: StoredComment[] = [];
  const conversations: StoredConversation[] = [];
  const dmCount = Math.floor(count / 5);
  for (let index = 0; index < count - dmCount; index++) {
    if (index % 40 === 0) posts.push({ id: `${options.pageId}_${900_000 + posts.length}`, message: `Nouvelle saison, nouveaux cafés · New season, new coffees (${posts.length + 1})`, createdAt: at(index) - 60_000, updatedAt: 0 });
    const post = posts.at(-1)!;
    const siblings = comments.filter((comment) => comment.postId === post.id && comment.parentId === null);
    const parent = siblings.length > 0 && random.chance(0.25) ? random.pick(siblings) : null;
    const from = random.chance(0.05) ? page : random.pick(people);
    comments.push({ id: `${post.id.split('_')[1]}_${1_000_000 + index}`, postId: post.id, parentId: parent?.id ?? null, from, message: random.pick(TEXTS), createdAt: at(index), isHidden: false });
    post.updatedAt = at(index);
  }
  for (let index = 0; index < dmCount; index++) {
    if (index % 10 === 0) conversations.push({ id: `t_${8_000_000 + conversations.length}`, person: { id: `${2_400_000_000 + conversations.length}`, name: random.pick(NAMES) }, messages: [] });
    const conversation = conversations.at(-1)!;
    const isInbound = index % 10 % 2 === 0;
    const [from, to] = isInbound ? [conversation.person, page] : [page, conversation.person];
    conversation.messages.push({ id: `m_${options.seed}_${index}`, from, to, message: random.pick(TEXTS), createdAt: options.now - options.spanMs + Math.floor(((index + 1) / (dmCount + 1)) * options.spanMs) });
  }
  return { posts, comments, conversations };
}
