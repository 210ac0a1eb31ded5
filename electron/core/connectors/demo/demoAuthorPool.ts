import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import type { Platform } from '../../../../shared/domain/platform';
import type { LinkPattern } from './demoPermalinks';
import { authorLinkPattern } from './demoPermalinks';
import type { DemoRandom } from './demoRandom';
import { randomFor } from './demoRandom';
import { ENGLISH_FIRST_NAMES, ENGLISH_LAST_NAMES, FRENCH_FIRST_NAMES, FRENCH_LAST_NAMES, MASTODON_INSTANCES, SPAMMERS } from './demoNames';
import type { Scam } from './languageCorpus';

export type DemoLanguage = 'fr' | 'en';

export type DemoAuthor = {
  /** Shared by all the author's items, hence frozen. */
  profile: Readonly<IncomingItemInput['author']>;
  /** Stable per author: people write in one language. */
  language: DemoLanguage;
  /** How the brand greets them. */
  firstName: string;
  /** Where their own statuses and posts live. */
  link: LinkPattern;
  /** What a spam account peddles; null for people. */
  scam: Scam | null;
};

/** Per platform: a few thousand people, so regulars show up in many conversations. */
export const AUTHOR_POOL_SIZE = 4000;

/** Spam accounts per platform: each persona a few times over, with its own handle. */
export const SPAMMER_POOL_SIZE = SPAMMERS.length * 3;

const AUTHOR_STREAM = 0x0a07;
const SPAMMER_STREAM = 0x05a3;
const FRENCH_SHARE = 0.55;

/** Authors of one (seed, platform), built on first use: each depends only on its index. */
export class DemoAuthorPool {
  private readonly cache: (DemoAuthor | undefined)[] = [];
  private readonly spammerCache: (DemoAuthor | undefined)[] = [];

  constructor(
    private readonly salt: number,
    private readonly platform: Platform,
    private readonly idPrefix: string,
  ) {}

  at(index: number): DemoAuthor {
    let author = this.cache[index];
    if (author === undefined) {
      author = this.build(index);
      this.cache[index] = author;
    }
    return author;
  }

  /** A skewed draw: the first few hundred authors are the regulars. */
  draw(random: DemoRandom): DemoAuthor {
    return this.at(random.skewed(AUTHOR_POOL_SIZE));
  }

  /**
   * Someone not yet in a conversation (its opener, and those who `joined`), who writes in its
   * `language` more often than not: people who join a conversation mostly speak its language.
   */
  drawJoining(random: DemoRandom, language: DemoLanguage, opener: DemoAuthor, joined: readonly DemoAuthor[]): DemoAuthor {
    let author = this.draw(random);
    for (let tries = 0; author === opener || joined.includes(author) || (tries < 3 && author.language !== language); tries++) author = this.draw(random);
    return author;
  }

  /** A spam account: never one of the people, so spam stays in its own conversations. */
  drawSpammer(random: DemoRandom): DemoAuthor {
    const index = random.int(SPAMMER_POOL_SIZE);
    let author = this.spammerCache[index];
    if (author === undefined) {
      author = this.buildSpammer(index);
      this.spammerCache[index] = author;
    }
    return author;
  }

  private build(index: number): DemoAuthor {
    const random = randomFor(this.salt, AUTHOR_STREAM, index);
    const language: DemoLanguage = random.chance(FRENCH_SHARE) ? 'fr' : 'en';
    const first = random.pick(language === 'fr' ? FRENCH_FIRST_NAMES : ENGLISH_FIRST_NAMES);
    const last = random.pick(language === 'fr' ? FRENCH_LAST_NAMES : ENGLISH_LAST_NAMES);
    // The index makes handles unique, as platforms require, however often names repeat.
    const suffix = String(index);
    const name = random.chance(0.15) ? `${first} ${last.charAt(0)}.` : `${first} ${last}`;
    const profile = Object.freeze({
      externalId: `${this.idPrefix}u${index}`,
      handle: handleFor(this.platform, first, last, suffix, random),
      name,
      // No avatar: the demo must work offline, and a placeholder service would be a network call.
      avatarUrl: null,
      followerCount: followerCountFor(random),
    });
    return { profile, language, firstName: first, link: authorLinkPattern(this.platform, profile.handle), scam: null };
  }

  private buildSpammer(index: number): DemoAuthor {
    const random = randomFor(this.salt, SPAMMER_STREAM, index);
    const persona = SPAMMERS[index % SPAMMERS.length];
    if (persona === undefined) throw new Error(`Demo: no spammer ${index}`);
    const [name, first, last, scam, fixed] = persona;
    const language: DemoLanguage = fixed ?? (random.chance(0.5) ? 'fr' : 'en');
    const suffix = String(100 + index);
    const profile = Object.freeze({
      externalId: `${this.idPrefix}x${index}`,
      handle: handleFor(this.platform, first, last, suffix, random),
      name,
      avatarUrl: null,
      followerCount: random.chance(0.5) ? random.int(40) : 5_000 + random.int(60_000),
    });
    return { profile, language, firstName: first, link: authorLinkPattern(this.platform, profile.handle), scam };
  }
}

/** Most people have a few hundred followers; about 1 in 100 is a VIP worth answering first. */
function followerCountFor(random: DemoRandom): number | null {
  if (random.chance(0.08)) return null;
  if (random.chance(0.01)) return 50_000 + random.int(2_000_000);
  return Math.floor(Math.exp(random.float() * 9.9));
}

const ascii = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '');

/** Handles shaped the way each platform shows them. */
function handleFor(platform: Platform, first: string, last: string, suffix: string, random: DemoRandom): string {
  const f = ascii(first).toLowerCase();
  const l = ascii(last).toLowerCase();
  switch (platform) {
    case 'x':
      return `@${`${f}_${l}`.slice(0, 11)}${suffix}`;
    case 'mastodon':
      return `@${f}${l}${suffix}@${random.pick(MASTODON_INSTANCES)}`;
    case 'bluesky':
      return `${f}${l}${suffix}.bsky.social`;
    case 'youtube':
      return `@${ascii(first)}${ascii(last)}${suffix}`;
    case 'instagram':
      return `@${f}.${l}${suffix}`;
    case 'tiktok':
      return `@${f}${l}${suffix}`;
    case 'facebook':
      return `${f}.${l}${suffix}`;
    case 'reddit':
      return `u/${ascii(first)}_${ascii(last)}${suffix}`;
    case 'linkedin':
      return `${f}-${l}-${(random.int(0xffffff) + 1).toString(16)}`;
  }
}
