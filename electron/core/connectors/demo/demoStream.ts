import type { ConversationKind } from '../../../../shared/domain/entities';
import type { IncomingItemInput, ItemKind } from '../../../../shared/domain/incomingItem';
import type { Platform } from '../../../../shared/domain/platform';
import type { DemoAuthor } from './demoAuthorPool';
import { DemoAuthorPool } from './demoAuthorPool';
import type { Beat } from './demoArc';
import { BRAND, FIRST_BYSTANDER, OPENER, planArc } from './demoArc';
import { DEMO_BRAND_ACCOUNTS, DEMO_BRAND_FOLLOWERS, DEMO_PLACES, DEMO_PRODUCTS } from './demoBrand';
import { BYSTANDER_COUNTS, ON_POST_SHARE, POST_THEME_WEIGHTS, drawCategory, drawThreadKind } from './demoMix';
import { authorLinkPattern, conversationPermalink, linkTo, postPermalink, replyLinkPattern } from './demoPermalinks';
import type { LinkPattern } from './demoPermalinks';
import type { DemoRandom } from './demoRandom';
import { hashString, mix32, randomFor } from './demoRandom';
import type { TextContext } from './demoText';
import { composePostText, composeText, subjectCount } from './demoText';
import type { ThreadSpan } from './demoThreadLayout';
import { BLOCK_SIZE, blockSpans } from './demoThreadLayout';
import type { DemoCategory, MessageCategory, PostTheme } from './languageCorpus';

/** When item `index` was created, in epoch ms; must be an integer, non-decreasing in index. */
export type ItemTimes = (index: number) => number;

/**
 * An item with what it is about, which tests and benchmarks look at: `topic` is its
 * conversation's, drawn once for the whole conversation; `category` is the message's own
 * (the brand's replies are 'brandReply', a long complaint's follow-ups plain complaints).
 */
export type DemoEntry = { item: IncomingItemInput; category: DemoCategory; topic: MessageCategory };

type DemoPost = {
  post: Readonly<{ externalId: string; text: string; permalink: string; createdAt: number }>;
  replyLink: LinkPattern | null;
  /** What the post announces, and the coffee and shop it names. */
  theme: PostTheme;
  product: string;
  place: string;
};

/** A conversation: its plan, its people, and what its messages share (the TextContext). */
type DemoThread = ThreadSpan &
  TextContext & {
    kind: ConversationKind;
    externalId: string;
    author: DemoAuthor;
    /** Everyone writes in it but bystanders, who mostly do too. */
    language: DemoAuthor['language'];
    bystanders: readonly DemoAuthor[];
    post: DemoPost | null;
    /**
     * A conversation about its post names the post's coffee and shop; when it moves on to a
     * generic subject (from `postSubjects` on), it names others, so it cannot say the shop
     * that is not open yet served a cold coffee. Null when it is not about its post.
     */
    elsewhere: TextContext | null;
    postSubjects: number;
    /** Where the conversation's recurring lines start in their lists (see composeText). */
    variant: number;
    /** A DM conversation's page, which all its messages link to. */
    conversationLink: string | null;
    /** Per position: who writes and what. */
    beats: readonly Beat[];
  };

const THREAD_STREAM = 0x7e4d;
const ITEM_STREAM = 0x17e3;
const POST_STREAM = 0x9057;
/** A new post every 400 items; comments land on one of the latest few. */
const POST_SPACING = 400;
const POST_LEAD_MS = 3_600_000;
/** A multiple of every line count, so that variants spread evenly. */
const VARIANTS = 720_720;
/** The bystanders of conversations that have none, shared. */
const NOBODY: DemoAuthor[] = [];

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
      scam: null,
    };
  }

  entryAt(index: number): DemoEntry {
    const thread = this.threadAt(index);
    const position = index - thread.start;
    const beat = thread.beats[position];
    if (beat === undefined) throw new Error(`Demo plan: conversation ${thread.thread} has no message ${position}`);
    const random = randomFor(this.salt, ITEM_STREAM, index);
    const isOut = beat.role === BRAND;
    const author = this.authorOf(thread, beat.role);
    const language = isOut ? thread.language : author.language;
    const context = thread.elsewhere !== null && beat.subject >= thread.postSubjects ? thread.elsewhere : thread;
    const text = composeText(random, beat.step, beat.subject, thread.variant + position, language, context);
    const kind = itemKind(thread.kind, position);
    const externalId = this.messageId(index);
    const item: IncomingItemInput = {
      platform: this.platform,
      kind,
      direction: isOut ? 'out' : 'in',
      externalId,
      threadExternalId: thread.externalId,
      parentExternalId: this.parentOf(thread, beat),
      author: author.profile,
      text: kind === 'mention' && !isOut ? `${mentionTag(this.platform)} ${text}` : text,
      createdAt: this.times(index),
      permalink: thread.conversationLink ?? linkTo(thread.post?.replyLink ?? author.link, externalId),
      post: thread.post?.post ?? null,
      language,
    };
    return { item, category: categoryOf(thread.topic, beat), topic: thread.topic };
  }

  private authorOf(thread: DemoThread, role: number): DemoAuthor {
    if (role === OPENER) return thread.author;
    if (role === BRAND) return this.brand;
    const bystander = thread.bystanders[role - FIRST_BYSTANDER];
    if (bystander === undefined) throw new Error(`Demo plan: conversation ${thread.thread} has no bystander ${role - FIRST_BYSTANDER}`);
    return bystander;
  }

  /** DMs are a flat conversation; comment and mention replies answer the message the plan says. */
  private parentOf(thread: DemoThread, beat: Beat): string | null {
    if (thread.kind === 'dm' || beat.replyTo < 0) return null;
    return beat.replyTo === 0 ? thread.externalId : this.messageId(thread.start + beat.replyTo);
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
    const topic = drawCategory(random);
    // Spam comes from spam accounts, which post nothing else: regulars stay believable.
    const author = topic === 'spam' ? this.authors.drawSpammer(random) : this.authors.draw(random);
    const language = author.language;
    const postIndex = Math.max(0, Math.floor(span.start / POST_SPACING) - random.skewed(8));
    const post = kind === 'comment' ? this.postAt(postIndex) : null;
    // A question or praise may be about the post; anything else names another coffee and
    // shop than the post does, so a complaint never lands on the shop that is not open yet.
    const onPost = post !== null && (topic === 'question' || topic === 'praise') && random.chance(ON_POST_SHARE);
    const theme = onPost ? post.theme : null;
    const bystanderCount = kind === 'comment' ? random.weighted(BYSTANDER_COUNTS) : 0;
    const bystanders: DemoAuthor[] = bystanderCount === 0 ? NOBODY : [];
    for (let k = 0; k < bystanderCount; k++) bystanders.push(this.authors.drawJoining(random, language, author, bystanders));
    const externalId = kind === 'dm' ? `${this.prefix}d${sortable(span.thread)}` : this.messageId(span.start);
    const subjects = subjectCount(language, topic, theme);
    const product = pickOther(random, DEMO_PRODUCTS, post?.product);
    const place = pickOther(random, DEMO_PLACES, post?.place);
    const days = String(3 + random.int(19));
    const order = String(10_000 + random.int(90_000));
    const scam = author.scam;
    const name = author.firstName;
    return {
      thread: span.thread,
      start: span.start,
      size: span.size,
      kind,
      // A comment or mention thread is named after its first message; a DM has its own id.
      externalId,
      author,
      language,
      bystanders,
      topic,
      theme,
      scam,
      name,
      product: onPost ? post.product : product,
      place: onPost ? post.place : place,
      days,
      order,
      post,
      elsewhere: onPost ? { topic, theme, scam, name, product, place, days, order } : null,
      postSubjects: subjects.opening,
      variant: random.int(VARIANTS),
      conversationLink: kind === 'dm' ? conversationPermalink(this.platform, externalId) : null,
      beats: planArc(random, topic, span.size, bystanderCount, subjects),
    };
  }

  private postAt(postIndex: number): DemoPost {
    let post = this.posts.get(postIndex);
    if (post === undefined) {
      const random = randomFor(this.salt, POST_STREAM, postIndex);
      const externalId = `${this.prefix}p${sortable(postIndex)}`;
      const withHashtags = this.platform === 'instagram' || this.platform === 'tiktok';
      const permalink = postPermalink(this.platform, externalId);
      const theme = random.weighted(POST_THEME_WEIGHTS);
      const subject = { product: random.pick(DEMO_PRODUCTS), place: random.pick(DEMO_PLACES) };
      const frozen = Object.freeze({
        externalId,
        text: composePostText(random, random.chance(0.55) ? 'fr' : 'en', theme, withHashtags, subject),
        permalink,
        // Anchored at the item index it is "published" with, so every comment under it is later.
        createdAt: Math.max(0, this.times(postIndex * POST_SPACING) - POST_LEAD_MS),
      });
      post = { post: frozen, replyLink: replyLinkPattern(this.platform, permalink), theme, ...subject };
      this.posts.set(postIndex, post);
    }
    return post;
  }
}

function itemKind(kind: ConversationKind, position: number): ItemKind {
  if (kind === 'comment') return position === 0 ? 'comment' : 'reply';
  return kind;
}

/** The brand's replies are 'brandReply'; a long complaint is long only in its first message. */
function categoryOf(topic: MessageCategory, beat: Beat): DemoCategory {
  if (beat.role === BRAND) return 'brandReply';
  if (topic === 'long') return beat.step === 'open' && beat.subject < 0 ? 'long' : 'complaint';
  return topic;
}

/** Any value of `values` but `except`. */
function pickOther(random: DemoRandom, values: readonly string[], except: string | undefined): string {
  const skip = except === undefined ? -1 : values.indexOf(except);
  if (skip < 0) return random.pick(values);
  const index = random.int(values.length - 1);
  return values[index >= skip ? index + 1 : index] ?? random.pick(values);
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
