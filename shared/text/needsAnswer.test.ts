import { describe, expect, it } from 'vitest';
import { needsAnswer } from './needsAnswer';

describe('needsAnswer: what "waiting longest" counts as waiting', () => {
  it.each([
    ['👍', false],
    ['👍🏽', false],
    ['❤️❤️', false],
    ['👨‍👩‍👧‍👦', false],
    ['🏳️‍🌈🇨🇦', false],
    ['1️⃣', false],
    ['!!!', false],
    ['...', false],
    ['  ', false],
    ['', false],
    ['@cafepieuvre 🔥🔥', false],
    ['@cafe@mastodon.example 👏🏿', false],
    ['merci!', false],
    ['Merci beaucoup 🙏', false],
    ['Thanks so much!', false],
    ['C’est parfait, merci', false],
    ['ok 👌', false],
    ['???', true],
    ['👍?', true],
    ['Merci! Et ma commande?', true],
    ['Merci, mais la commande n’est jamais arrivée', true],
    ['Vous ouvrez à quelle heure', true],
    ['1', true],
    ['https://exemple.ca/photo-du-colis', true],
    ['thanks thanks thanks thanks thanks thanks thanks', true],
    ['Ça ne marche pas 😡', true],
    ['😡 remboursement', true],
  ])('%j → %s', (text, expected) => {
    expect(needsAnswer(text)).toBe(expected);
  });
});
