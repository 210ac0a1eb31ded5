import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplyMeasure } from '../../../shared/text/draftLength';
import { measureReply } from './replyLength';

const replyLength = (text: string, unit: Parameters<typeof measureReply>[1]): number => exact(measureReply(text, unit, Number.MAX_SAFE_INTEGER));
const exact = (measure: ReplyMeasure): number => (measure.isAtLeast || measure.isAtMost ? NaN : measure.length);
/** X counts `length`: the text fits a limit of that, and not one less (a bound may decide either). */
const expectXCounts = (text: string, length: number) => {
  const fits = measureReply(text, 'twitter-weighted', length);
  expect(fits.length <= length && !fits.isAtLeast, `fits ${length}: ${JSON.stringify(fits)}`).toBe(true);
  const over = measureReply(text, 'twitter-weighted', length - 1);
  expect(over.length === length || (over.isAtLeast && over.length > length - 1), `over ${length - 1}: ${JSON.stringify(over)}`).toBe(true);
};

describe('measureReply', () => {
  it('counts code points as characters', () => {
    expect(replyLength('réponse', 'characters')).toBe(7);
    expect(replyLength('☕😍', 'characters')).toBe(2);
  });

  it('counts graphemes one past the limit at most', () => {
    expect(measureReply('👍🏽'.repeat(50_000), 'graphemes', 300)).toEqual({ length: 301, isAtLeast: true, isAtMost: false });
    expect(measureReply(`Z${'\u0336'.repeat(99_999)}`, 'graphemes', 300)).toEqual({ length: 1, isAtLeast: false, isAtMost: false });
  });

  it('counts UTF-8 bytes as Node encodes them, lone surrogate halves as the U+FFFD sent instead', () => {
    expect(replyLength('é☕😍', 'utf8-bytes')).toBe(2 + 3 + 4);
    expect(replyLength('\ud83d!\ude0d', 'utf8-bytes')).toBe(3 + 1 + 3);
    // fast-check prints the seed and path of a failure: pass them to fc.assert to replay it.
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (units, graphemes) => {
      for (const text of [units, graphemes]) expect(replyLength(text, 'utf8-bytes')).toBe(Buffer.byteLength(text, 'utf8'));
    }));
  });

  it('counts an emoji with modifiers as one grapheme', () => {
    expect(replyLength('👍🏽 ok', 'graphemes')).toBe(4);
    expect(replyLength('👨‍👩‍👧', 'graphemes')).toBe(1);
  });

  it('weighs text the way X does', () => {
    expectXCounts('Merci, à bientôt', 16);
    expectXCounts('漢字', 4);
    expectXCounts('👨‍👩‍👧', 2);
    expectXCounts(`see https://example.com/${'x'.repeat(100)} now`, 4 + 23 + 4);
    // A bare domain is a link to X too.
    expectXCounts('voir brulerie.ca svp', 5 + 23 + 4);
    expectXCounts('ok 👍🏽', 5);
  });

  it('says a text X may count links in fits, as a maximum, when even that is within the limit', () => {
    // twitter-text would count 9,823: it may count the domain as 23, never more.
    expect(measureReply(`brulerie.ca${'漢'.repeat(4_900)}`, 'twitter-weighted', 10_000)).toEqual({ length: 11 + 9_800 + 23, isAtLeast: false, isAtMost: true });
    // A short reply is measured outright: X's own count (the link 23, the emoji 2), not the bound.
    expect(measureReply('voir brulerie.ca ☕', 'twitter-weighted', 280)).toEqual({ length: 5 + 23 + 1 + 2, isAtLeast: false, isAtMost: false });
  });

  it('measures a text its bounds leave open, and gives X’s verdict on the residual a-a-… word', () => {
    // x.com is a link: 23 + "," + 9,994 is over the 10,000 of a DM by 18.
    expect(measureReply(`x.com,${'a-'.repeat(4_997)}`, 'twitter-weighted', 10_000)).toEqual({ length: 10_018, isAtLeast: false, isAtMost: false });
    expect(measureReply(`x.com,${'a-'.repeat(4_988)}`, 'twitter-weighted', 10_000)).toEqual({ length: 10_000, isAtLeast: false, isAtMost: false });
    expect(measureReply(`brulerie.ca${'漢'.repeat(4_990)}`, 'twitter-weighted', 10_000)).toEqual({ length: 10_003, isAtLeast: false, isAtMost: false });
  });

  it('measures X in its own thread: twitter-text’s polyfills never touch the core’s globals', () => {
    expectXCounts('ok 👍🏽 https://brulerie.ca', 3 + 2 + 1 + 23);
    expect(Object.hasOwn(globalThis, '__core-js_shared__')).toBe(false);
    expect(Function.prototype.toString.call(Math.max)).toContain('[native code]');
  });

  it('reports a text too long for X without measuring it when even its minimum is over the limit', () => {
    const domainLike = 'a.'.repeat(50_000);
    // Plain ASCII without a domain X knows: each character is 1, so the minimum is the length.
    expect(measureReply(domainLike, 'twitter-weighted', 280)).toEqual({ length: 100_000, isAtLeast: false, isAtMost: false });
    expect(measureReply(`${domainLike} ☕`, 'twitter-weighted', 10_000)).toEqual({ length: 100_002, isAtLeast: true, isAtMost: false });
    // Text without links or emoji is counted exactly, CJK at 2 a character.
    expect(measureReply('Bonjour tout le monde, à demain. '.repeat(3_125), 'twitter-weighted', 10_000)).toEqual({ length: 103_125, isAtLeast: false, isAtMost: false });
    expect(measureReply('漢字 '.repeat(20_000), 'twitter-weighted', 10_000)).toEqual({ length: 100_000, isAtLeast: false, isAtMost: false });
    const withEmoji = measureReply('Bonjour ☕ tout le monde, à demain. '.repeat(2_900), 'twitter-weighted', 10_000);
    expect(withEmoji.isAtLeast).toBe(true);
    expect(withEmoji.length).toBeGreaterThan(10_000);
    expect(measureReply('x.com '.repeat(16_000), 'twitter-weighted', 10_000)).toMatchObject({ isAtLeast: true, isAtMost: false });
  });

  it('measures exactly a domain-like text that could fit, and one X counts links in', () => {
    expect(measureReply('a.'.repeat(5_000), 'twitter-weighted', 10_000)).toEqual({ length: 10_000, isAtLeast: false, isAtMost: false });
    expect(measureReply('a.com.'.repeat(16_000), 'twitter-weighted', 10_000)).toEqual({ length: 96_000, isAtLeast: false, isAtMost: false });
    expect(measureReply(`${'a.'.repeat(2_000)} voir brulerie.ca`, 'twitter-weighted', 4_029)).toEqual({ length: 4_000 + 6 + 23, isAtLeast: false, isAtMost: false });
    expect(measureReply(`${'a.'.repeat(2_000)} voir brulerie.ca`, 'twitter-weighted', 10_000)).toEqual({ length: 4_000 + 6 + 11 + 23, isAtLeast: false, isAtMost: true });
  });
});
