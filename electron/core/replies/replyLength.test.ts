import { describe, expect, it } from 'vitest';
import { measureReply, type ReplyMeasure } from './replyLength';

const replyLength = (text: string, unit: Parameters<typeof measureReply>[1]): number => exact(measureReply(text, unit, Number.MAX_SAFE_INTEGER));
const exact = (measure: ReplyMeasure): number => (measure.isAtLeast ? NaN : measure.length);

describe('measureReply', () => {
  it('counts code points as characters', () => {
    expect(replyLength('réponse', 'characters')).toBe(7);
    expect(replyLength('☕😍', 'characters')).toBe(2);
  });

  it('counts graphemes one past the limit at most', () => {
    expect(measureReply('👍🏽'.repeat(50_000), 'graphemes', 300)).toEqual({ length: 301, isAtLeast: true });
    expect(measureReply(`Z${'\u0336'.repeat(99_999)}`, 'graphemes', 300)).toEqual({ length: 1, isAtLeast: false });
  });

  it('counts an emoji with modifiers as one grapheme', () => {
    expect(replyLength('👍🏽 ok', 'graphemes')).toBe(4);
    expect(replyLength('👨‍👩‍👧', 'graphemes')).toBe(1);
  });

  it('weighs text the way X does', () => {
    expect(replyLength('Merci, à bientôt', 'twitter-weighted')).toBe(16);
    expect(replyLength('漢字', 'twitter-weighted')).toBe(4);
    expect(replyLength('👨‍👩‍👧', 'twitter-weighted')).toBe(2);
    expect(replyLength(`see https://example.com/${'x'.repeat(100)} now`, 'twitter-weighted')).toBe(4 + 23 + 4);
    // A bare domain is a link to X too.
    expect(replyLength('voir brulerie.ca svp', 'twitter-weighted')).toBe(5 + 23 + 4);
    expect(replyLength('ok 👍🏽', 'twitter-weighted')).toBe(5);
  });

  it('measures X in its own thread: twitter-text’s polyfills never touch the core’s globals', () => {
    expect(replyLength('ok 👍🏽 https://brulerie.ca', 'twitter-weighted')).toBe(3 + 2 + 1 + 23);
    expect(Object.hasOwn(globalThis, '__core-js_shared__')).toBe(false);
    expect(Function.prototype.toString.call(Math.max)).toContain('[native code]');
  });

  it('reports a text too long for X without measuring it when even its minimum is over the limit', () => {
    const domainLike = 'a.'.repeat(50_000);
    // Plain ASCII without a domain X knows: each character is 1, so the minimum is the length.
    expect(measureReply(domainLike, 'twitter-weighted', 280)).toEqual({ length: 100_000, isAtLeast: false });
    expect(measureReply(`${domainLike} ☕`, 'twitter-weighted', 10_000)).toEqual({ length: 100_002, isAtLeast: true });
    // Text without links or emoji is counted exactly, CJK at 2 a character.
    expect(measureReply('Bonjour tout le monde, à demain. '.repeat(3_125), 'twitter-weighted', 10_000)).toEqual({ length: 103_125, isAtLeast: false });
    expect(measureReply('漢字 '.repeat(20_000), 'twitter-weighted', 10_000)).toEqual({ length: 100_000, isAtLeast: false });
    const withEmoji = measureReply('Bonjour ☕ tout le monde, à demain. '.repeat(2_900), 'twitter-weighted', 10_000);
    expect(withEmoji.isAtLeast).toBe(true);
    expect(withEmoji.length).toBeGreaterThan(10_000);
    expect(measureReply('x.com '.repeat(16_000), 'twitter-weighted', 10_000)).toMatchObject({ isAtLeast: true });
  });

  it('measures exactly a domain-like text that could fit, and one X counts links in', () => {
    expect(measureReply('a.'.repeat(5_000), 'twitter-weighted', 10_000)).toEqual({ length: 10_000, isAtLeast: false });
    expect(measureReply('a.com.'.repeat(16_000), 'twitter-weighted', 10_000)).toEqual({ length: 96_000, isAtLeast: false });
    expect(measureReply(`${'a.'.repeat(2_000)} voir brulerie.ca`, 'twitter-weighted', 10_000)).toEqual({ length: 4_000 + 6 + 23, isAtLeast: false });
  });
});
