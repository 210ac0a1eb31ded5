import type { ConversationKind } from '../../../../shared/domain/entities';
import type { Platform } from '../../../../shared/domain/platform';
import type { MessageCategory, PostTheme } from './languageCorpus';
import type { DemoRandom } from './demoRandom';

type Weighted<T> = readonly (readonly [T, number])[];

const COMMENT = ['comment', 5] as const;
const MENTION = ['mention', 2] as const;
const DM = ['dm', 3] as const;

/**
 * What conversations each platform has: YouTube has no DMs; Mastodon replies are mentions;
 * Reddit, TikTok and LinkedIn DMs stay out of reach of their APIs.
 */
export const THREAD_KIND_WEIGHTS: Readonly<Record<Platform, Weighted<ConversationKind>>> = {
  facebook: [COMMENT, MENTION, DM],
  instagram: [COMMENT, MENTION, DM],
  youtube: [COMMENT],
  x: [COMMENT, MENTION, DM],
  bluesky: [COMMENT, MENTION, DM],
  mastodon: [MENTION, DM],
  reddit: [COMMENT, MENTION],
  tiktok: [COMMENT, MENTION],
  linkedin: [COMMENT, MENTION],
};

/** Roughly what lands in a real brand inbox: mostly questions and praise, a little crisis. */
const CATEGORY_WEIGHTS: Weighted<MessageCategory> = [
  ['question', 24],
  ['praise', 20],
  ['complaint', 16],
  ['emoji', 10],
  ['spam', 7],
  ['hostile', 6],
  ['long', 6],
  ['crisis', 3],
];

/** How many people besides the opener join a comment thread: usually nobody, sometimes one or two. */
export const BYSTANDER_COUNTS: Weighted<number> = [
  [0, 50],
  [1, 35],
  [2, 15],
];

/** How often a question or praise under a post is about what the post announces. */
export const ON_POST_SHARE = 0.6;

/** What the brand posts about. */
export const POST_THEME_WEIGHTS: Weighted<PostTheme> = [
  ['product', 45],
  ['shop', 20],
  ['giveaway', 20],
  ['school', 15],
];

export const drawThreadKind = (random: DemoRandom, platform: Platform): ConversationKind =>
  random.weighted(THREAD_KIND_WEIGHTS[platform]);

export const drawCategory = (random: DemoRandom): MessageCategory => random.weighted(CATEGORY_WEIGHTS);
