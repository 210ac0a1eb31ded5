import { wordMatcher } from '../../../shared/rules/wordMatcher';
import type { SpamScorer } from './ruleFacts';

/**
 * The local spam score, 0 to 1: each signal below is a probability-like weight, and they
 * combine as independent evidence (1 − Π(1 − w)), so no signal alone reaches certainty and two
 * strong ones come close. Weights, from realistic fr/en spam and customers' messages (see the
 * tests): a spam phrase family weighs 0.5 to 0.75; a link from an author never seen before with
 * few followers 0.35 (a customer's first message may well link to their order); the same text
 * again 0.3 (0.5 from the third time); shouting in capitals with a link 0.3.
 * The built-in "obvious spam" rule acts above 0.7: one phrase family with a new author's link,
 * or two families; never a link, a repeat or capitals on their own.
 */
const PHRASES: readonly { weight: number; words: readonly string[] }[] = [
  // Selling followers, likes and views.
  {
    weight: 0.75,
    words: ['buy followers', 'buy real followers', 'cheap followers', 'free followers', 'gain followers', 'get followers', 'more followers', 'followers for sale', 'buy likes', 'buy views', 'acheter des abonnes', 'achete des abonnes', 'abonnes gratuits', 'abonnes pas chers', 'gagner des abonnes', 'plus d\'abonnes', 'acheter des likes', 'acheter des vues', 'grow your page', 'fais grandir ta page', 'faites grandir votre page', 'vrais followers', 'real followers for'],
  },
  // Crypto and forex "opportunities".
  {
    weight: 0.6,
    words: ['forex', 'bitcoin', 'btc', 'crypto', 'cryptos', 'cryptomonnaie*', 'binary options', 'options binaires', 'trading signals', 'signaux de trading', 'passive income', 'revenu passif', 'revenus passifs', 'investment opportunity', 'opportunite d\'investissement', 'occasion d\'investissement', 'double your money', 'doubler votre argent', 'doublez votre argent', 'doublez vos gains', 'account manager'],
  },
  // The "mentor" and the guaranteed returns that come with crypto and forex pitches.
  {
    weight: 0.5,
    words: ['my mentor', 'mon mentor', 'ma mentore', 'guaranteed returns', 'guaranteed profit', 'rendement garanti', 'rendements garantis', 'reponse garantie en 48'],
  },
  // "DM me to earn": money offered in private.
  {
    weight: 0.6,
    words: ['dm me to earn', 'dm me to learn', 'dm me for', 'dm me now', 'message me to earn', 'inbox me', 'earn money', 'make money', 'work from home', 'ecris-moi en prive', 'ecrivez-moi en prive', 'contacte-moi en prive', 'gagner de l\'argent', 'gagne de l\'argent', 'argent facile', 'easy money', 'travail a domicile', 'per day from home', 'par jour depuis la maison'],
  },
  // Prizes and giveaways that want a click.
  {
    weight: 0.6,
    words: ['you have won', 'you\'ve won', 'you won a', 'claim your prize', 'claim your reward', 'click the link to claim', 'click here to claim', 'tu as gagne', 'vous avez gagne', 'reclame ton prix', 'reclamez votre prix', 'clique sur le lien', 'cliquez sur le lien', 'gift card', 'carte-cadeau gratuite', 'free iphone', 'iphone gratuit', 'you have been selected', 'you\'ve been selected', 'vous avez ete choisi', 'vous avez ete choisie', 'tu as ete choisi'],
  },
  // Phishing that pretends to be the platform: "verify your account or lose your page".
  {
    weight: 0.6,
    words: ['verify your account', 'confirm your identity', 'your page has been reported', 'your account will be disabled', 'verifiez votre compte', 'verifier votre compte', 'confirmez votre identite', 'votre page a ete signalee', 'votre compte sera desactive'],
  },
  // Counterfeit goods from a stranger's shop.
  { weight: 0.6, words: ['designer sunglasses', 'lunettes de designer', 'exclusive deal on', 'promo exclusive sur'] },
  // Sent on to a messaging app, as forex "coaches" do.
  { weight: 0.4, words: ['on whatsapp', 'sur whatsapp', 'via whatsapp', 'on telegram', 'sur telegram'] },
  // Sending people to a profile.
  { weight: 0.5, words: ['check my bio', 'check my profile', 'link in bio', 'link in my bio', 'lien dans ma bio', 'lien dans mon profil', 'va voir ma bio', 'allez voir ma bio', 'regarde ma bio', 'visit my page'] },
];

const MATCHERS = PHRASES.map(({ weight, words }) => ({ weight, holds: wordMatcher(words) }));

const FEW_FOLLOWERS = 100;
const NEW_AUTHOR_LINK = 0.35;
const REPEATED = 0.3;
const REPEATED_OFTEN = 0.5;
const SHOUTING_LINK = 0.3;

/** Mostly capitals: at least 12 letters and four in five of them upper case, links aside (they are written in lower case). */
function isShouting(text: string): boolean {
  const letters = text.replace(/\S*[./]\S*/gu, ' ').match(/\p{L}/gu) ?? [];
  if (letters.length < 12) return false;
  const upper = letters.filter((letter) => letter !== letter.toLowerCase()).length;
  return upper / letters.length >= 0.8;
}

export const localSpamScorer: SpamScorer = ({ text, hasLink, followerCount, isFirstFromAuthor, repeats }) => {
  const weights = MATCHERS.filter(({ holds }) => holds(text)).map(({ weight }) => weight);
  if (hasLink && isFirstFromAuthor && (followerCount === null || followerCount < FEW_FOLLOWERS)) weights.push(NEW_AUTHOR_LINK);
  if (repeats > 0) weights.push(repeats >= 2 ? REPEATED_OFTEN : REPEATED);
  if (hasLink && isShouting(text)) weights.push(SHOUTING_LINK);
  const score = 1 - weights.reduce((left, weight) => left * (1 - weight), 1);
  return Math.round(score * 1000) / 1000;
};
