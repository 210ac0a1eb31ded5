import { describe, expect, it } from 'vitest';
import { hasLink } from '../../../shared/text/textSignals';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import type { SpamSignals } from './ruleFacts';
import { ENGLISH_CORPUS } from '../connectors/demo/englishCorpus';
import { FRENCH_CORPUS } from '../connectors/demo/frenchCorpus';
import { localSpamScorer } from './spamScorer';

/** The built-in "obvious spam" rule's threshold (migration 20). */
const OBVIOUS = 0.7;
const NEW_STRANGER = { followerCount: 12, isFirstFromAuthor: true, repeats: 0 };
const REGULAR = { followerCount: 850, isFirstFromAuthor: false, repeats: 0 };
const score = (text: string, author: Omit<SpamSignals, 'text' | 'hasLink'> = NEW_STRANGER) => localSpamScorer({ text, hasLink: hasLink(text), ...author });

describe('the local spam score', () => {
  it('finds obvious spam in French and English', () => {
    const spam = [
      'Buy followers cheap!! 10k real followers for $9 👉 www.fastfans.xyz/buy',
      'Achète des abonnés à bas prix, 5000 abonnés gratuits pour commencer: promo.boostgram.shop/fr',
      'Acheter des abonnés? Écris-moi en privé 💸',
      'I made $4,500 in one week with Bitcoin trading signals, DM me to earn with my account manager',
      'Opportunité d’investissement: doublez votre argent avec le forex en 7 jours https://fx-profit.biz/inscription',
      'Revenu passif garanti avec la cryptomonnaie 🚀 écris-moi en privé',
      'CONGRATULATIONS YOU HAVE WON AN IPHONE 17!!! CLAIM YOUR PRIZE HERE http://win-prize.info/claim',
      'Félicitations, tu as gagné une carte-cadeau gratuite! Clique sur le lien: bit.ly/cadeau-123',
      'Check my bio for free followers 🔥🔥',
    ];
    for (const text of spam) expect(score(text), text).toBeGreaterThan(OBVIOUS);
    // Likely, not obvious: one family of phrases and nothing else stays for a person to judge.
    expect(score('Work from home and make money fast, inbox me')).toBe(0.6);
  });

  it('finds every scam the demo’s spammers open with, in French and English, from a stranger', () => {
    for (const corpus of [FRENCH_CORPUS, ENGLISH_CORPUS]) {
      for (const [scam, pitches] of Object.entries(corpus.spam.pitches)) {
        for (const pitch of pitches) expect(score(pitch), `${scam}: ${pitch}`).toBeGreaterThan(OBVIOUS);
      }
    }
  });

  it('leaves customers alone, links to their order problem included', () => {
    const ham = [
      'Ma commande n’est jamais arrivée, voici le suivi: https://www.postescanada.ca/track/7289 — pouvez-vous vérifier?',
      'My order #48213 arrived broken, photo here: https://imgur.com/a/x7Yt2',
      'Est-ce que vous acceptez les paiements en crypto au comptoir?',
      'Do you ship to Gatineau? I saw the promo on your page',
      'J’ai gagné votre concours la semaine passée et je n’ai rien reçu',
      'WHERE IS MY ORDER?? I PAID THREE WEEKS AGO',
      'Bonjour! Le lien dans votre bio ne marche plus',
      'Super café, merci 🙏',
      'Remboursement svp, le sac de grains était périmé',
      'Mon mentor m’a recommandé votre café, vous livrez à Lévis?',
      'Can I reach you on WhatsApp about a catering order?',
      'Avez-vous des cartes-cadeaux pour Noël?',
      'I got a gift card for your shop, can I use it online?',
    ];
    for (const text of ham) expect(score(text), text).toBeLessThan(OBVIOUS);
    // A customer who writes twice, in capitals, with their tracking link: still a customer.
    expect(localSpamScorer({ text: 'WHERE IS MY ORDER https://www.postescanada.ca/track/7289', hasLink: true, followerCount: 3, isFirstFromAuthor: false, repeats: 1 })).toBeLessThan(OBVIOUS);
  });

  it('weighs a link from a newcomer, the same text again and shouting, never enough alone', () => {
    const link = 'voir www.exemple.com/promo';
    expect(score(link, REGULAR)).toBe(0);
    expect(score(link)).toBe(0.35);
    expect(score(link, { ...NEW_STRANGER, followerCount: 5_000 })).toBe(0);
    expect(score('Bon café', { ...REGULAR, repeats: 1 })).toBe(0.3);
    expect(score('Bon café', { ...REGULAR, repeats: 4 })).toBe(0.5);
    expect(score('VISITEZ MON SITE MAINTENANT www.exemple.com/promo', REGULAR)).toBe(0.3);
    // Evidence adds up without ever reaching 1.
    const everything = score('BUY FOLLOWERS CHEAP, CHECK MY BIO, DM ME TO EARN BITCOIN www.x.com/a', { ...NEW_STRANGER, repeats: 3 });
    expect(everything).toBeGreaterThan(0.99);
    expect(everything).toBeLessThan(1);
  });
});

describe('the built-in obvious-spam rule', () => {
  const fx = useCoreWithAccount();

  it('sends obvious spam to Spam on arrival, on the record as the rule’s, and leaves the customer’s link in the inbox', async () => {
    const stranger = { externalId: 'bot', handle: '@fastfans', name: 'Fast Fans', followerCount: 2 };
    fx.ingest([
      commentItem({ n: 1, text: 'Buy followers cheap!! 10k real followers 👉 www.fastfans.xyz/buy', author: stranger }),
      commentItem({ n: 2, text: 'My order #48213 arrived broken, photo here: https://imgur.com/a/x7Yt2' }),
    ]);
    const { items } = await fx.core.call('conversations.list', { status: 'spam' });
    expect(items.map((conversation) => conversation.snippet)).toEqual(['Buy followers cheap!! 10k real followers 👉 www.fastfans.xyz/buy']);
    expect((await fx.core.call('conversations.list', { status: 'open' })).items.map((conversation) => conversation.snippet)).toEqual([
      'My order #48213 arrived broken, photo here: https://imgur.com/a/x7Yt2',
    ]);
    const detail = await fx.core.call('conversations.get', { id: items[0]?.id ?? '' });
    expect(detail.activity.map((line) => [line.actor.startsWith('rule:'), line.action, line.data])).toEqual([
      [true, 'conversation.status', { rule: 'Pourriel évident / Obvious spam', status: 'spam', snoozeUntil: null }],
    ]);
  });
});
