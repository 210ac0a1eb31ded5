import { describe, expect, it } from 'vitest';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { incomingItemSchema } from '../../../../shared/domain/incomingItem';
import type { Platform } from '../../../../shared/domain/platform';
import { PLATFORMS } from '../../../../shared/domain/platform';
import { DEMO_ACCOUNTS, DEMO_BRAND_ACCOUNTS, DEMO_PLATFORMS } from './demoBrand';
import { HTML_INJECTION_TEXT } from './demoText';
import { generateDemoEntries, generateDemoItems } from './generateDemoItems';
import { MESSAGE_CATEGORIES } from './languageCorpus';

const T0 = 1_760_000_000_000;
const times = (index: number): number => T0 + index * 45_000;
const items = (platform: Platform, count: number, seed = 11, startIndex = 0): IncomingItemInput[] =>
  generateDemoItems({ seed, platform, startIndex, count, times });

const ACCENTED = /[àâçéèêëîïôûùüœ]/i;
const ENGLISH_WORDS = /\b(the|you|your|my|and|is|I|we|this)\b/;

describe('generateDemoItems', () => {
  it('rebuilds the same items from the same seed, and other items from another seed', () => {
    expect(items('x', 300)).toEqual(items('x', 300));
    const texts = items('x', 300).map((item) => item.text);
    const otherTexts = items('x', 300, 12).map((item) => item.text);
    expect(otherTexts.filter((text, i) => text !== texts[i]).length).toBeGreaterThan(250);
  });

  it('gives the same item i whatever range it is generated in', () => {
    const whole = items('facebook', 100);
    expect([...items('facebook', 50), ...items('facebook', 50, 11, 50)]).toEqual(whole);
    expect([...items('facebook', 37), ...items('facebook', 63, 11, 37)]).toEqual(whole);
    expect(items('facebook', 1, 11, 99)).toEqual(whole.slice(99));
  });

  it('produces items that all pass the ingest schema, on every platform', () => {
    for (const platform of PLATFORMS) {
      for (const item of items(platform, 600)) {
        const result = incomingItemSchema.safeParse(item);
        expect(result.error?.message ?? 'valid', `${platform} ${item.externalId}`).toBe('valid');
        expect(item.platform).toBe(platform);
      }
    }
  });

  it('respects which conversations each platform has', () => {
    const kindsOf = (platform: Platform): Set<string> => new Set(items(platform, 2000).map((item) => item.kind));
    expect(kindsOf('youtube')).toEqual(new Set(['comment', 'reply']));
    expect(kindsOf('mastodon')).toEqual(new Set(['mention', 'dm']));
    for (const platform of ['reddit', 'tiktok', 'linkedin'] as const) expect(kindsOf(platform)).toEqual(new Set(['comment', 'reply', 'mention']));
    for (const platform of ['facebook', 'instagram', 'x', 'bluesky'] as const) {
      expect(kindsOf(platform)).toEqual(new Set(['comment', 'reply', 'mention', 'dm']));
    }
  });

  it('averages five messages per conversation', () => {
    const threads = new Set(items('instagram', 10_000).map((item) => item.threadExternalId));
    expect(threads.size).toBe(2000);
  });

  it('threads replies under an earlier message of the same conversation', () => {
    const threadOf = new Map<string, string>();
    for (const item of items('x', 3000)) {
      const parent = item.parentExternalId ?? null;
      if (parent !== null) expect(threadOf.get(parent), item.externalId).toBe(item.threadExternalId);
      if (item.kind === 'reply') expect(parent).not.toBeNull();
      if (item.kind === 'dm') expect(parent).toBeNull();
      if (item.kind === 'comment' || (item.kind === 'mention' && parent === null)) expect(item.threadExternalId).toBe(item.externalId);
      threadOf.set(item.externalId, item.threadExternalId);
    }
  });

  it('has the brand answer from its own account in comments, mentions and DMs', () => {
    const brand = DEMO_BRAND_ACCOUNTS.facebook;
    const out = items('facebook', 3000).filter((item) => item.direction === 'out');
    expect(new Set(out.map((item) => item.kind))).toEqual(new Set(['reply', 'mention', 'dm']));
    for (const item of out) expect(item.author.externalId).toBe(brand.externalId);
    const sample = items('facebook', 3000);
    sample.slice(1).forEach((item, i) => {
      const previous = sample[i];
      if (previous?.threadExternalId === item.threadExternalId && previous.direction === 'out') expect(item.direction).toBe('in');
    });
    const dmThreads = new Map<string, Set<string | undefined>>();
    for (const item of items('facebook', 3000).filter((candidate) => candidate.kind === 'dm')) {
      dmThreads.set(item.threadExternalId, (dmThreads.get(item.threadExternalId) ?? new Set()).add(item.direction));
    }
    expect([...dmThreads.values()].filter((directions) => directions.size === 2).length).toBeGreaterThan(50);
  });

  it('gives every comment and reply its post, with an https permalink and an earlier date', () => {
    for (const platform of DEMO_PLATFORMS) {
      for (const item of items(platform, 1000)) {
        expect(item.permalink).toMatch(/^https:\/\/[a-z.]+\.(com|app|social|ca|fr|to|online|org)\//);
        if (item.kind !== 'comment' && item.kind !== 'reply') continue;
        expect(item.post?.permalink).toMatch(/^https:\/\//);
        expect(item.post?.text.length).toBeGreaterThan(10);
        expect(item.post?.createdAt).toBeLessThanOrEqual(item.createdAt);
      }
    }
  });

  it('brings regulars back in many conversations, and a few VIPs', () => {
    const threadsByAuthor = new Map<string, Set<string>>();
    const sample = items('x', 5000).filter((item) => item.direction === 'in');
    for (const item of sample) {
      const threads = threadsByAuthor.get(item.author.externalId) ?? new Set();
      threadsByAuthor.set(item.author.externalId, threads.add(item.threadExternalId));
    }
    expect(Math.max(...[...threadsByAuthor.values()].map((threads) => threads.size))).toBeGreaterThanOrEqual(5);
    const followers = sample.map((item) => item.author.followerCount);
    expect(followers.filter((count) => typeof count === 'number').length / followers.length).toBeGreaterThan(0.8);
    expect(followers.some((count) => typeof count === 'number' && count >= 50_000)).toBe(true);
  });

  it('keeps an author to one language and writes in it', () => {
    const sample = DEMO_PLATFORMS.flatMap((platform) => items(platform, 1500)).filter((item) => item.direction === 'in');
    const languageOf = new Map<string, string | null | undefined>();
    for (const item of sample) {
      expect(languageOf.get(item.author.externalId) ?? item.language).toBe(item.language);
      languageOf.set(item.author.externalId, item.language);
    }
    const french = sample.filter((item) => item.language === 'fr');
    const english = sample.filter((item) => item.language === 'en');
    expect(french.length / sample.length).toBeGreaterThan(0.4);
    expect(english.length / sample.length).toBeGreaterThan(0.3);
    expect(french.filter((item) => ACCENTED.test(item.text)).length / french.length).toBeGreaterThan(0.2);
    expect(english.filter((item) => ENGLISH_WORDS.test(item.text)).length / english.length).toBeGreaterThan(0.2);
    const allFrench = french.map((item) => item.text).join('\n');
    for (const word of ['réponse', 'école', 'été', 'reçu', 'pis', 'magasiner', 'dépanneur']) expect(allFrench).toContain(word);
  });

  it('covers every kind of message, hard ones included', () => {
    const entries = DEMO_PLATFORMS.flatMap((platform) => generateDemoEntries({ seed: 5, platform, startIndex: 0, count: 1000, times }));
    const categories = new Set(entries.map((entry) => entry.category));
    for (const category of [...MESSAGE_CATEGORIES, 'brandReply']) expect(categories).toContain(category);
    const texts = entries.map((entry) => entry.item.text);
    expect(texts).toContain(HTML_INJECTION_TEXT);
    expect(HTML_INJECTION_TEXT).toContain('<script>alert(1)</script>');
    expect(HTML_INJECTION_TEXT).toContain('<img src=x onerror=alert(1)>');
    expect(entries.filter((entry) => entry.category === 'long').every((entry) => entry.item.text.length >= 600)).toBe(true);
    expect(texts.some((text) => /intoxication alimentaire|product recall|lawyer|avocat/.test(text))).toBe(true);
    expect(texts.some((text) => /crypto|followers|https:\/\/bit\.ly/.test(text))).toBe(true);
    expect(new Set(texts).size / texts.length).toBeGreaterThan(0.6);
  });

  it('shapes handles the way each platform does', () => {
    const handle = (platform: Platform): string => items(platform, 1).map((item) => item.author.handle)[0] ?? '';
    expect(handle('x')).toMatch(/^@\w+$/);
    expect(handle('mastodon')).toMatch(/^@\w+@[a-z.]+$/);
    expect(handle('bluesky')).toMatch(/^[a-z0-9]+\.bsky\.social$/);
    expect(handle('youtube')).toMatch(/^@[A-Za-z0-9]+$/);
    const ownerOf = new Map<string, string>();
    for (const { author } of items('instagram', 3000)) {
      expect(ownerOf.get(author.handle) ?? author.externalId).toBe(author.externalId);
      ownerOf.set(author.handle, author.externalId);
    }
  });

  it('names one demo account per demo platform', () => {
    expect(DEMO_ACCOUNTS.map((account) => account.platform)).toEqual(['facebook', 'instagram', 'youtube', 'x', 'bluesky', 'mastodon']);
    for (const account of DEMO_ACCOUNTS) expect(account.externalId && account.name && account.handle).toBeTruthy();
  });

  it('refuses a negative start or a fractional count', () => {
    expect(() => generateDemoItems({ seed: 1, platform: 'x', startIndex: -1, count: 1, times })).toThrow(/startIndex/);
    expect(() => generateDemoItems({ seed: 1, platform: 'x', startIndex: 0, count: 1.5, times })).toThrow(/count/);
  });
});
