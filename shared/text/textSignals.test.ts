import { describe, expect, it } from 'vitest';
import { hasEmail, hasLink, hasPhone, isOnlyEmoji, wordCount } from './textSignals';

describe('text signals', () => {
  it('see links written in full, with www, or as a bare domain with a path', () => {
    for (const text of ['Voir https://exemple.ca/commande/123', 'go to www.promo-deals.com now', 'promo.example.com/x', 'HTTP://SHOUT.IO/x', 'lien: bit.ly/abc']) expect(hasLink(text), text).toBe(true);
    for (const text of ['Bonjour.Merci', 'écrivez à marie@exemple.ca', 'version 2.0 est sortie', 'http:// rien', 'example.com']) expect(hasLink(text), text).toBe(false);
  });

  it('see e-mail addresses and phone numbers written the North American or European way', () => {
    expect(hasEmail('écrivez à marie.tremblay@exemple.qc.ca')).toBe(true);
    expect(hasEmail('@marie sur Instagram')).toBe(false);
    for (const text of ['appelez au 514 555-0199', '+33 6 12 34 56 78', '(514) 555-0199', '1-800-555-0199']) expect(hasPhone(text), text).toBe(true);
    for (const text of ['commande 12345', 'le 2026-11-02', '555-0199']) expect(hasPhone(text), text).toBe(false);
  });

  it('count words in any script, and know a message of emoji only', () => {
    expect(wordCount('Bonjour, j’ai 2 questions!')).toBe(5);
    expect(wordCount('👍 ok')).toBe(1);
    expect(wordCount('')).toBe(0);
    for (const text of ['👍🏽', '❤️❤️', '👨‍👩‍👧', ' 🇨🇦 ', '1️⃣']) expect(isOnlyEmoji(text), text).toBe(true);
    for (const text of ['', '   ', '👍 ok', 'merci!', '1']) expect(isOnlyEmoji(text), text).toBe(false);
  });
});
