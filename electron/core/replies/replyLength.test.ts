import { describe, expect, it } from 'vitest';
import { replyLength } from './replyLength';

describe('replyLength', () => {
  it('counts code points as characters', () => {
    expect(replyLength('réponse', 'characters')).toBe(7);
    expect(replyLength('☕😍', 'characters')).toBe(2);
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
});
