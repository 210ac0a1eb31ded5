import type { ConversationKind } from '../../../../shared/domain/entities';
import type { Platform } from '../../../../shared/domain/platform';
import type { MessageCategory } from './languageCorpus';
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

/**
 * How often a follow-up is the brand's, per conversation kind, when the message before it was
 * not: the brand never answers itself, so about 3 in 10 follow-ups end up being the brand's.
 */
export const BRAND_SHARE: Readonly<Record<ConversationKind, number>> = { comment: 0.35, mention: 0.4, dm: 0.55 };

/** How often someone else than the commenter joins a comment thread. */
export const BYSTANDER_SHARE = 0.4;

/** How often a follow-up stays on the conversation's topic. */
export const ON_TOPIC_SHARE = 0.5;

/** How often a reply answers the message just before it rather than an older one. */
export const ANSWERS_PREVIOUS_SHARE = 0.6;

export const drawThreadKind = (random: DemoRandom, platform: Platform): ConversationKind =>
  random.weighted(THREAD_KIND_WEIGHTS[platform]);

export const drawCategory = (random: DemoRandom): MessageCategory => random.weighted(CATEGORY_WEIGHTS);
