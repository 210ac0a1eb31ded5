import type { ConversationKind } from '../../../../shared/domain/entities';
import type { IncomingItemInput, ItemKind } from '../../../../shared/domain/incomingItem';
import type { Platform } from '../../../../shared/domain/platform';
import type { DemoAuthor } from './demoAuthorPool';
import { DemoAuthorPool } from './demoAuthorPool';
import { DEMO_BRAND_ACCOUNTS, DEMO_BRAND_FOLLOWERS } from './demoBrand';
import { ANSWERS_PREVIOUS_SHARE, BRAND_SHARE, BYSTANDER_SHARE, ON_TOPIC_SHARE, drawCategory, drawThreadKind } from './demoMix';
import { authorLinkPattern, conversationPermalink, linkTo, postPermalink, replyLinkPattern } from './demoPermalinks';
import type { LinkPattern } from './demoPermalinks';
import type { DemoRandom } from './demoRandom';
import { hashString, mix32, randomFor } from './demoRandom';
import { composePostText, composeText } from './demoText';
import type { ThreadSpan } from './demoThreadLayout';
import { BLOCK_SIZE, blockSpans } from './demoThreadLayout';
import type { DemoCategory, MessageCategory } from './languageCorpus';

/** When item `index` was created, in epoch ms; must be an integer, non-decreasing in index. */
export type ItemTimes = (index: number) => number;

/** An item with what it is about, which tests and benchmarks look at. */
export type DemoEntry = { item: IncomingItemInput; category: DemoCategory };

type DemoPost = {
  post: Readonly<{ externalId: string; text: string; permalink: string; createdAt: number }>;
  replyLink: LinkPattern | null;
};

type DemoThread = ThreadSpan & {
  kind: ConversationKind;
  externalId: string;
  author: DemoAuthor;
  /** Whom the brand's replies greet. */
  name: string;
  topic: MessageCategory;
  post: DemoPost | null;
  /** A DM conversation's page, which all its messages link to. */
  conversationLink: string | null;
  /** Per position: whether that message is the brand's. */
  brandTurns: boolean[];
};

const THREAD_STREAM = 0x7e4d;
const ITEM_STREAM = 0x17e3;
const POST_STREAM = 0x9057;
/** A new post every 400 items; comments land on one of the latest few. */
const POST_SPACING = 400;
const POST_LEAD_MS = 3_600_000;

/**
 * The demo items of one (seed, platform). Item i depends only on (seed, platform, i) and the
 * time function; the caches only spare work when consecutive items share a conversation.
 * Items share their (frozen) author and post objects: a million copies would cost more GC
 * time than generating them.
 */
export class DemoStream {
  private readonly salt: number;
  private readonly prefix: string;
  private readonly authors: DemoAuthorPool;
  private readonly brand: DemoAuthor;
  private readonly posts = new Map<number, DemoPost>();
  private spans: ThreadSpan[] = [];
  private spansBlock = -1;
  private thread: DemoThread | null = null;

  constructor(
    seed: number,
    readonly platform: Platform,
    private readonly times: ItemTimes,
  ) {
    if (!Number.isSafeInteger(seed)) throw new Error(`Demo seed must be a safe integer, got ${seed}`);
    this.salt = mix32(hashString(platform) ^ mix32(seed ^ mix32(Math.floor(seed / 0x1_0000_0000))));
    this.prefix = `demo-${platform}-s${seed}-`;
    this.authors = new DemoAuthorPool(this.salt, platform, this.prefix);
    const account = DEMO_BRAND_ACCOUNTS[platform];
    this.brand = {
      profile: Object.freeze({ externalId: account.externalId, handle: account.handle, name: account.name, avatarUrl: null, followerCount: DEMO_BRAND_FOLLOWERS }),
      language: 'fr',
      firstName: account.name,
      link: authorLinkPattern(platform, account.handle),
    };
  }

  entryAt(index: number): DemoEntry {
    const thread = this.threadAt(index);
    const position = index - thread.start;
    const random = randomFor(this.salt, ITEM_STREAM, index);
    const isOut = thread.brandTurns[position] === true;
    const author = isOut ? this.brand : this.inboundAuthor(thread, position, random);
    const category: DemoCategory = isOut ? 'brandReply' : this.categoryOf(thread, position, random);
    const language = isOut ? thread.author.language : author.language;
    const text = composeText(random, category, language, thread);
    const kind = itemKind(thread.kind, position);
    const externalId = this.messageId(index);
    const item: IncomingItemInput = {
      platform: this.platform,
      kind,
      direction: isOut ? 'out' : 'in',
      externalId,
      threadExternalId: thread.externalId,
      parentExternalId: this.parentOf(thread, position, random),
      author: author.profile,
      text: kind === 'mention' && !isOut ? `${mentionTag(this.platform)} ${text}` : text,
      createdAt: this.times(index),
      permalink: thread.conversationLink ?? linkTo(thread.post?.replyLink ?? author.link, externalId),
      post: thread.post?.post ?? null,
      language,
    };
    return { item, category };
  }

  private inboundAuthor(thread: DemoThread, position: number, random: DemoRandom): DemoAuthor {
    const isBystander = thread.kind === 'comment' && position > 0 && random.chance(BYSTANDER_SHARE);
    return isBystander ? this.authors.draw(random) : thread.author;
  }

  /** Follow-ups mostly stay on topic; spam comes from spam conversations, not mid-chat. */
  private categoryOf(thread: DemoThread, position: number, random: DemoRandom): MessageCategory {
    if (position === 0 || random.chance(ON_TOPIC_SHARE)) return thread.topic;
    const drawn = drawCategory(random);
    return drawn === 'spam' ? thread.topic : drawn;
  }

  /** DMs are a flat conversation; comment and mention replies answer an earlier message. */
  private parentOf(thread: DemoThread, position: number, random: DemoRandom): string | null {
    if (position === 0 || thread.kind === 'dm') return null;
    const offset = random.chance(ANSWERS_PREVIOUS_SHARE) ? position - 1 : random.int(position);
    return offset === 0 ? thread.externalId : this.messageId(thread.start + offset);
  }

  private messageId(index: number): string {
    return `${this.prefix}m${sortable(index)}`;
  }

  private threadAt(index: number): DemoThread {
    const current = this.thread;
    if (current !== null && index >= current.start && index < current.start + current.size) return current;
    const block = Math.floor(index / BLOCK_SIZE);
    if (block !== this.spansBlock) {
      this.spans = blockSpans(this.salt, block);
      this.spansBlock = block;
    }
    const span = this.spans.find((candidate) => index < candidate.start + candidate.size);
    if (span === undefined) throw new Error(`Demo layout: no conversation holds item ${index}`);
    this.thread = this.buildThread(span);
    return this.thread;
  }

  private buildThread(span: ThreadSpan): DemoThread {
    const random = randomFor(this.salt, THREAD_STREAM, span.thread);
    const kind = drawThreadKind(random, this.platform);
    const author = this.authors.draw(random);
    const topic = drawCategory(random);
    const postIndex = Math.max(0, Math.floor(span.start / POST_SPACING) - random.skewed(8));
    const externalId = kind === 'dm' ? `${this.prefix}d${sortable(span.thread)}` : this.messageId(span.start);
    return {
      thread: span.thread,
      start: span.start,
      size: span.size,
      kind,
      // A comment or mention thread is named after its first message; a DM has its own id.
      externalId,
      author,
      name: author.firstName,
      topic,
      post: kind === 'comment' ? this.postAt(postIndex) : null,
      conversationLink: kind === 'dm' ? conversationPermalink(this.platform, externalId) : null,
      brandTurns: brandTurns(random, kind, topic, span.size),
    };
  }

  private postAt(postIndex: number): DemoPost {
    let post = this.posts.get(postIndex);
    if (post === undefined) {
      const random = randomFor(this.salt, POST_STREAM, postIndex);
      const externalId = `${this.prefix}p${sortable(postIndex)}`;
      const withHashtags = this.platform === 'instagram' || this.platform === 'tiktok';
      const permalink = postPermalink(this.platform, externalId);
      const frozen = Object.freeze({
        externalId,
        text: composePostText(random, random.chance(0.55) ? 'fr' : 'en', withHashtags),
        permalink,
        // Anchored at the item index it is "published" with, so every comment under it is later.
        createdAt: Math.max(0, this.times(postIndex * POST_SPACING) - POST_LEAD_MS),
      });
      post = { post: frozen, replyLink: replyLinkPattern(this.platform, permalink) };
      this.posts.set(postIndex, post);
    }
    return post;
  }
}

function itemKind(kind: ConversationKind, position: number): ItemKind {
  if (kind === 'comment') return position === 0 ? 'comment' : 'reply';
  return kind;
}

/** The brand answers now and then, never first, never twice in a row, and never to spam. */
function brandTurns(random: DemoRandom, kind: ConversationKind, topic: MessageCategory, size: number): boolean[] {
  const turns = [false];
  for (let position = 1; position < size; position++) {
    turns.push(topic !== 'spam' && turns[position - 1] === false && random.chance(BRAND_SHARE[kind]));
  }
  return turns;
}

/** How a mention names the brand: by handle where there are handles, by page name elsewhere. */
function mentionTag(platform: Platform): string {
  const { handle, name } = DEMO_BRAND_ACCOUNTS[platform];
  if (platform === 'bluesky') return `@${handle}`;
  return handle.startsWith('@') || handle.startsWith('u/') ? handle : name;
}

/**
 * Fixed-width ids sort in creation order, like the ids most platforms issue (X and Mastodon
 * snowflakes, Bluesky TIDs, Meta's numeric ids): the store's indexes see them as real ones.
 */
const sortable = (index: number): string => String(index).padStart(12, '0');
