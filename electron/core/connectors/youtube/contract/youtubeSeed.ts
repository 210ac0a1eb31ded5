import { randomFor } from '../../demo/demoRandom';
import { ENGLISH_FIRST_NAMES, ENGLISH_LAST_NAMES, FRENCH_FIRST_NAMES, FRENCH_LAST_NAMES } from '../../demo/demoNames';
import type { StoredComment, StoredThread } from './youtubeResources';

/** Realistic comments: French and English, questions, praise, complaints, hostile ones, links and emoji. */
const TEXTS = [
  'Est-ce que la torréfaction foncée est encore disponible en grains?',
  'Super vidéo! Merci pour les explications sur l’extraction ☕️',
  'My order #4412 arrived broken, nobody answers my emails.',
  'Where can I buy this in Montréal? 🙏',
  'Vous êtes des voleurs, 24 $ pour un sac de café 😡',
  'Scam alert: get free coffee at http://free-coffee.example/win now!!!',
  'C’est quoi la différence entre le V60 et la Chemex?',
  'This is garbage and so are you.',
  'J’ai essayé la recette, c’est incroyable 😍 https://www.instagram.com/p/Cx1/',
  '<script>alert("yt")</script> lol',
  'Do you ship to Ottawa? Asking for my office of 30 people.',
  'Ouvert le dimanche? 🤔',
] as const;

const VIDEOS = ['wtLJPvx7-ys', 'dQw4w9WgXcQ', 'M7lc1UVf-VE', 'ybJRr6Y6Y5s'] as const;

/**
 * `count` comments (top-level and replies) ending at `newest`, one every `spacingMs`, newest
 * first, from a seed: the same seed gives the same channel. About one thread in six has replies
 * (one in twenty more than YouTube embeds), one comment in fifteen is held for review.
 */
export function seedThreads(count: number, options: { newest: number; spacingMs?: number; seed?: number; brandChannelId: string }): StoredThread[] {
  const random = randomFor(options.seed ?? 13, 0x7974, 0);
  const spacing = options.spacingMs ?? 60_000;
  const threads: StoredThread[] = [];
  let made = 0;
  let at = options.newest - spacing * count;
  const comment = (threadId: string | null, videoId: string): StoredComment => {
    made += 1;
    at += spacing;
    const id = `Ugz${String(made).padStart(6, '0')}${random.int(1e6).toString(36)}AaABAg`;
    const isFrench = random.chance(0.5);
    const first = random.pick(isFrench ? FRENCH_FIRST_NAMES : ENGLISH_FIRST_NAMES);
    const last = random.pick(isFrench ? FRENCH_LAST_NAMES : ENGLISH_LAST_NAMES);
    return {
      id: threadId === null ? id : `${threadId}.${id}`,
      threadId: threadId ?? id,
      videoId,
      authorChannelId: `UC${random.int(1e9).toString(36).padStart(8, '0')}${random.int(1e9).toString(36).padStart(8, '0')}`,
      authorDisplayName: `@${first}${last}`.replace(/[^\p{L}@]/gu, '').toLowerCase(),
      text: random.pick(TEXTS),
      publishedAt: at,
      updatedAt: at,
      moderationStatus: random.chance(1 / 15) ? 'heldForReview' : 'published',
    };
  };
  while (made < count) {
    const top = comment(null, random.pick(VIDEOS));
    const thread: StoredThread = { top, replies: [], canReply: true };
    const replies = random.chance(1 / 20) ? 7 : random.chance(1 / 6) ? 1 + random.int(3) : 0;
    for (let index = 0; index < replies && made < count; index++) thread.replies.push({ ...comment(top.id, top.videoId), moderationStatus: 'published' });
    threads.push(thread);
  }
  // Newest first, as order=time lists them.
  return threads.reverse();
}
