import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../../shared/domain/platform';
import { PLATFORMS } from '../../../../shared/domain/platform';
import { DEMO_BRAND_ACCOUNTS, DEMO_PLACES, DEMO_PLATFORMS, DEMO_PRODUCTS } from './demoBrand';
import type { DemoEntry } from './demoStream';
import { generateDemoEntries } from './generateDemoItems';

const times = (index: number): number => 1_760_000_000_000 + index * 30_000;
const COUNT = 3000;

type Conversation = { platform: Platform; entries: DemoEntry[] };

/** The conversations of the first COUNT items of every platform, in order. */
function conversationsOf(seed: number): Conversation[] {
  return PLATFORMS.flatMap((platform) => {
    const byThread = new Map<string, DemoEntry[]>();
    for (const entry of generateDemoEntries({ seed, platform, startIndex: 0, count: COUNT, times })) {
      const entries = byThread.get(entry.item.threadExternalId) ?? [];
      byThread.set(entry.item.threadExternalId, [...entries, entry]);
    }
    return [...byThread.values()].map((entries) => ({ platform, entries }));
  });
}

const conversations = [...conversationsOf(11), ...conversationsOf(2026)];
const opener = ({ entries }: Conversation) => entries[0]?.item.author.externalId;
const kind = ({ entries }: Conversation) => entries[0]?.item.kind;
const isBrand = (entry: DemoEntry) => entry.item.direction === 'out';

/** Coffees and shops a text names; coffees first, since some are named after places. */
function namesIn(text: string): { products: string[]; places: string[] } {
  const products = DEMO_PRODUCTS.filter((product) => text.includes(product));
  const rest = products.reduce((left, product) => left.replaceAll(product, ''), text);
  return { products, places: DEMO_PLACES.filter((place) => rest.includes(place)) };
}

const distinct = (conversation: Conversation, pick: (names: ReturnType<typeof namesIn>) => string[]): Set<string> =>
  new Set(conversation.entries.flatMap((entry) => pick(namesIn(entry.item.text))));

describe('demo conversations', () => {
  it('are numerous enough to say something, on every platform', () => {
    expect(conversations.length).toBeGreaterThan(9000);
    for (const platform of PLATFORMS) expect(conversations.filter((conversation) => conversation.platform === platform).length).toBeGreaterThan(1000);
  });

  it('each have one topic, drawn once, that their messages keep to', () => {
    for (const { entries } of conversations) {
      const topic = entries[0]?.topic;
      expect(entries[0]?.category).toBe(topic);
      for (const entry of entries) {
        expect(entry.topic).toBe(topic);
        const allowed = isBrand(entry) ? ['brandReply'] : topic === 'long' ? ['complaint'] : [topic];
        if (entry !== entries[0]) expect(allowed, entry.item.text).toContain(entry.category);
      }
    }
  });

  it('open with a person, and never let the brand speak twice in a row', () => {
    for (const { entries, platform } of conversations) {
      expect(entries[0]?.item.direction).toBe('in');
      entries.slice(1).forEach((entry, i) => {
        if (isBrand(entry)) {
          expect(entries[i]?.item.direction).toBe('in');
          expect(entry.item.author.externalId).toBe(DEMO_BRAND_ACCOUNTS[platform].externalId);
        }
      });
    }
  });

  it('keep every DM between one person and the brand', () => {
    const dms = conversations.filter((conversation) => kind(conversation) === 'dm');
    for (const dm of dms) {
      const people = new Set(dm.entries.filter((entry) => !isBrand(entry)).map((entry) => entry.item.author.externalId));
      expect([...people]).toEqual([opener(dm)]);
      const participants = new Set(dm.entries.map((entry) => entry.item.author.externalId));
      expect(participants.size).toBeLessThanOrEqual(2);
    }
    const withBoth = dms.filter((dm) => new Set(dm.entries.map((entry) => entry.item.author.externalId)).size === 2);
    expect(withBoth.length).toBeGreaterThan(500);
  });

  it('let only the opener and the brand into mentions, and at most two bystanders into comment threads', () => {
    let bystanderMessages = 0;
    let inbound = 0;
    for (const conversation of conversations) {
      const people = new Set(conversation.entries.filter((entry) => !isBrand(entry)).map((entry) => entry.item.author.externalId));
      if (kind(conversation) === 'mention') expect(people.size).toBe(1);
      expect(people.size).toBeLessThanOrEqual(3);
      for (const entry of conversation.entries.filter((candidate) => !isBrand(candidate))) {
        inbound++;
        if (entry.item.author.externalId !== opener(conversation)) bystanderMessages++;
      }
    }
    // Mostly the opener and the brand; bystanders now and then.
    expect(bystanderMessages / inbound).toBeGreaterThan(0.03);
    expect(bystanderMessages / inbound).toBeLessThan(0.25);
  });

  it('are written in their opener’s language, by the opener and the brand alike; bystanders mostly follow', () => {
    let bystanders = 0;
    let matching = 0;
    for (const conversation of conversations) {
      const language = conversation.entries[0]?.item.language;
      for (const { item } of conversation.entries) {
        if (item.direction === 'out' || item.author.externalId === opener(conversation)) {
          expect(item.language, item.text).toBe(language);
          continue;
        }
        bystanders++;
        if (item.language === language) matching++;
      }
    }
    expect(bystanders).toBeGreaterThan(500);
    expect(matching / bystanders).toBeGreaterThan(0.8);
  });

  it('keep the brand out of spam, answer hostility at most once, and answer most other conversations', () => {
    const brandReplies = (conversation: Conversation) => conversation.entries.filter(isBrand).length;
    const byTopic = (topic: string) => conversations.filter((conversation) => conversation.entries[0]?.topic === topic);
    for (const spam of byTopic('spam')) expect(brandReplies(spam)).toBe(0);
    for (const hostile of byTopic('hostile')) expect(brandReplies(hostile)).toBeLessThanOrEqual(1);
    const hostileLong = byTopic('hostile').filter((conversation) => conversation.entries.length >= 3);
    expect(hostileLong.filter((conversation) => brandReplies(conversation) === 0).length / hostileLong.length).toBeGreaterThan(0.5);
    for (const topic of ['question', 'complaint', 'crisis']) {
      const answerable = byTopic(topic).filter((conversation) => conversation.entries.length >= 4);
      expect(answerable.filter((conversation) => brandReplies(conversation) > 0).length / answerable.length, topic).toBeGreaterThan(0.8);
    }
  });

  it('keep spam to spam accounts, which post nothing else', () => {
    const spammers = new Set<string>();
    const people = new Set<string>();
    for (const conversation of conversations) {
      const id = opener(conversation) ?? '';
      (conversation.entries[0]?.topic === 'spam' ? spammers : people).add(`${conversation.platform} ${id}`);
    }
    expect(spammers.size).toBeGreaterThan(50);
    for (const spammer of spammers) expect(people.has(spammer)).toBe(false);
    for (const conversation of conversations) {
      for (const { item } of conversation.entries.slice(1)) {
        if (item.author.externalId !== opener(conversation)) expect(spammers.has(`${conversation.platform} ${item.author.externalId}`)).toBe(false);
      }
    }
  });

  it('answer the opener: the brand replies to their messages, bystanders to them too', () => {
    for (const conversation of conversations) {
      if (kind(conversation) === 'dm') continue;
      const authorOf = new Map(conversation.entries.map((entry) => [entry.item.externalId, entry.item.author.externalId]));
      for (const { item } of conversation.entries.slice(1)) {
        const parentAuthor = authorOf.get(item.parentExternalId ?? '');
        if (item.direction === 'out' || item.author.externalId !== opener(conversation)) expect(parentAuthor).toBe(opener(conversation));
      }
    }
  });

  it('agree with themselves: one order number, and the same coffee and shop throughout', () => {
    for (const conversation of conversations) {
      const numbers = new Set(conversation.entries.flatMap(({ item }) => [...item.text.matchAll(/(?:#|lot )(\d{5})\b/g)].map((match) => match[1])));
      expect(numbers.size, [...numbers].join()).toBeLessThanOrEqual(1);
      // A conversation about its post may go on to other things, naming another coffee and shop.
      const most = kind(conversation) === 'comment' ? 2 : 1;
      expect(distinct(conversation, (names) => names.products).size).toBeLessThanOrEqual(most);
      expect(distinct(conversation, (names) => names.places).size).toBeLessThanOrEqual(most);
    }
  });

  it('do not contradict their post: only the shop a post announces is new, and nobody complains about it', () => {
    const NEW_SHOP = /\bnew (\S+) shop\b|nouvelle succursale de (\S+)/;
    const ANNOUNCED = /shop in ([^!]+)!|coming to ([^!]+)!|succursale à ([^!]+)!|s’en vient à ([^!]+)!/;
    let aboutTheShop = 0;
    for (const conversation of conversations) {
      const announced = ANNOUNCED.exec(conversation.entries[0]?.item.post?.text ?? '')?.slice(1).find(Boolean);
      const topic = conversation.entries[0]?.topic ?? '';
      for (const { item } of conversation.entries) {
        const newShop = NEW_SHOP.exec(item.text)?.slice(1).find(Boolean);
        if (newShop !== undefined) expect(newShop.replace(/[?,.!]$/, ''), item.text).toBe(announced);
        if (announced === undefined) continue;
        if (namesIn(item.text).places.includes(announced)) {
          expect(['question', 'praise'], item.text).toContain(topic);
          aboutTheShop++;
        }
      }
    }
    expect(aboutTheShop).toBeGreaterThan(30);
  });

  it('give a conversation’s replies varied words', () => {
    const brandTexts = conversations.flatMap((conversation) => conversation.entries.filter(isBrand).map((entry) => entry.item.text));
    expect(brandTexts.length).toBeGreaterThan(5000);
    expect(new Set(brandTexts).size / brandTexts.length).toBeGreaterThan(0.5);
    for (const conversation of conversations) {
      const texts = conversation.entries.filter((entry) => entry.category !== 'emoji').map((entry) => entry.item.text);
      // Long conversations may come back to a line, but not often.
      expect(new Set(texts).size, texts.join('\n')).toBeGreaterThanOrEqual(Math.min(texts.length, Math.ceil(texts.length * 0.7)));
    }
  });

  it('say “réponse” often enough for a fresh demo inbox to find it', () => {
    for (const seed of [7, 2026]) {
      const texts = DEMO_PLATFORMS.flatMap((platform) => generateDemoEntries({ seed, platform, startIndex: 0, count: 120, times }).map((entry) => entry.item.text));
      expect(texts.filter((text) => text.includes('réponse')).length, `seed ${seed}`).toBeGreaterThanOrEqual(10);
    }
  });
});
