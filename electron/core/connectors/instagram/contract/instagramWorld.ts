import { randomFor } from '../../demo/demoRandom';

/** The contract server's Instagram: one professional account, its media and their comments, its conversations. */
export type WorldComment = { id: string; text: string; at: number; fromId: string; username: string; hidden: boolean; parentId: string | null; likeCount: number; replies: WorldComment[] };
export type WorldMedia = { id: string; caption: string; permalink: string; at: number; comments: WorldComment[] };
export type WorldMessage = { id: string; at: number; fromId: string; fromUsername: string; toId: string; toUsername: string; text: string };
export type WorldConversation = { id: string; person: { id: string; username: string }; messages: WorldMessage[] };

export const BRAND = { id: '7211004567890123', userId: '17841400000000001', username: 'brulerie.aurore', name: 'Brûlerie Aurore' } as const;

export class InstagramWorld {
  readonly media: WorldMedia[] = [];
  readonly conversations: WorldConversation[] = [];
  private serial = 0;

  /** A Graph-like id, unique in this world. */
  nextId(prefix: string): string {
    this.serial += 1;
    return `${prefix}${String(this.serial).padStart(10, '0')}`;
  }

  addMedia(caption: string, at: number): WorldMedia {
    const id = this.nextId('1790');
    const media = { id, caption, permalink: `https://www.instagram.com/p/C${id.slice(-8)}/`, at, comments: [] };
    this.media.push(media);
    return media;
  }

  addComment(media: WorldMedia, text: string, at: number, author: { id: string; username: string }, parent: WorldComment | null = null): WorldComment {
    const comment: WorldComment = { id: this.nextId('1800'), text, at, fromId: author.id, username: author.username, hidden: false, parentId: parent?.id ?? null, likeCount: 0, replies: [] };
    (parent ? parent.replies : media.comments).push(comment);
    return comment;
  }

  addMessage(conversation: WorldConversation, text: string, at: number, isFromBrand: boolean): WorldMessage {
    const [from, to] = isFromBrand ? [{ id: BRAND.userId, username: BRAND.username }, conversation.person] : [conversation.person, { id: BRAND.userId, username: BRAND.username }];
    const message = { id: `aWdfZAG${this.nextId('msg')}`, at, fromId: from.id, fromUsername: from.username, toId: to.id, toUsername: to.username, text };
    conversation.messages.push(message);
    return message;
  }

  addConversation(person: { id: string; username: string }): WorldConversation {
    const conversation = { id: `aWdfZAGl${this.nextId('conv')}`, person, messages: [] };
    this.conversations.push(conversation);
    return conversation;
  }

  /** A comment or reply by id, with its media and its top-level comment. */
  findComment(id: string): { media: WorldMedia; comment: WorldComment; top: WorldComment } | null {
    for (const media of this.media) {
      for (const top of media.comments) {
        if (top.id === id) return { media, comment: top, top };
        const reply = top.replies.find((each) => each.id === id);
        if (reply) return { media, comment: reply, top };
      }
    }
    return null;
  }

  deleteComment(id: string): boolean {
    const found = this.findComment(id);
    if (!found) return false;
    const list = found.comment === found.top ? found.media.comments : found.top.replies;
    list.splice(list.indexOf(found.comment), 1);
    return true;
  }

  updatedAt(conversation: WorldConversation): number {
    return Math.max(0, ...conversation.messages.map((message) => message.at));
  }

  /** Every comment and reply, for counting. */
  commentCount(media: WorldMedia): number {
    return media.comments.reduce((sum, top) => sum + 1 + top.replies.length, 0);
  }
}

const PEOPLE = ['marie.tremblay', 'jgagnon_mtl', 'sam.cafe', 'coffee_lover_qc', 'lea.b', 'ptit_loup', 'olivier.roy', 'nadia_k', 'trollface_99', 'ahmed.art'];
const TEXTS = [
  'Trop bon, le latte à l’érable! ☕🍁',
  'Vous ouvrez à quelle heure dimanche?',
  'Love this roast, ordering again 😍',
  'Ma commande est arrivée froide, pas content.',
  'Is the Ethiopia blend back in stock?',
  'Check my page for free followers!!! https://spam.example/win',
  'C’est de la marde, votre service. Honte à vous.',
  'You are all idiots, worst coffee ever 🤬',
  'Merci pour l’accueil ce matin, super équipe!',
  'Where can I buy your beans in Toronto? https://example.com/map',
  'Est-ce que vous livrez à Laval?',
  '🔥🔥🔥',
];

/**
 * Fills the world with `count` items, about four comments (a fifth of them replies) for each DM,
 * spread over the last `days` days before `now`, in French and English, some hostile, some with
 * links or emoji. The same seed gives the same world.
 */
export function seedWorld(world: InstagramWorld, count: number, options: { seed?: number; now?: number; days?: number } = {}): void {
  const random = randomFor(options.seed ?? 13, 0x6967, 0);
  const now = options.now ?? Date.now();
  const span = (options.days ?? 6) * 86_400_000;
  const people = PEOPLE.map((username, index) => ({ id: `6${String(index + 1).padStart(15, '0')}`, username }));
  const dmCount = Math.floor(count / 5);
  const commentCount = count - dmCount;
  const mediaCount = Math.max(1, Math.min(40, Math.ceil(commentCount / 100)));
  const media = Array.from({ length: mediaCount }, (_, index) => world.addMedia(`Nouveau torréfié #${index + 1} / New roast #${index + 1} ☕`, now - span + Math.floor((index * span) / (mediaCount + 1))));
  for (let index = 0; index < commentCount; index++) {
    const target = media[index % mediaCount] as WorldMedia;
    const at = Math.min(now - 1_000, target.at + 60_000 + random.int(Math.max(1, now - target.at - 61_000)));
    const tops = target.comments;
    const isReply = tops.length > 0 && random.chance(0.2);
    const parent = isReply ? (tops[random.int(tops.length)] ?? null) : null;
    const author = random.chance(0.1) && parent ? { id: BRAND.userId, username: BRAND.username } : random.pick(people);
    world.addComment(target, random.pick(TEXTS), parent ? Math.max(at, parent.at + 1_000) : at, author, parent);
  }
  // Meta shows a conversation's 20 most recent messages: about 15 each keeps every one visible.
  const conversations = Array.from({ length: Math.max(1, Math.ceil(dmCount / 15)) }, (_, index) => {
    const person = people[index % people.length] as { id: string; username: string };
    return world.addConversation(index < people.length ? person : { id: `7${String(index + 1).padStart(15, '0')}`, username: `${person.username}${index}` });
  });
  for (let index = 0; index < dmCount; index++) {
    const conversation = conversations[index % conversations.length] as WorldConversation;
    world.addMessage(conversation, random.pick(TEXTS), now - span + random.int(span), random.chance(0.3));
  }
  for (const conversation of conversations) conversation.messages.sort((a, b) => a.at - b.at);
}
