import frenchBadwords from 'french-badwords-list';
import leoProfanity from 'leo-profanity';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { foldText } from '../../../shared/text/foldText';

/**
 * How hostile a message reads, from 0 to 1, computed locally: nothing leaves the machine.
 * Pluggable: ingest takes any function of this shape, so a better model can replace the
 * lexicons without touching anything else.
 */
export type HostilityScorer = (text: string) => number;


// Lower case, accents off, so "ÉPAIS" and "epais" meet the same entry; one kind of apostrophe.
const normalise = (text: string) => foldText(text).replace(/[’`]/gu, "'");

// Maintained lexicons: leo-profanity's English words and french-badwords-list, looked up
// in a Set, plus insults aimed at people that are not swear words. obscenity's matcher
// understands disguised spellings ("f*ck", "sh1t") but costs about 40 µs a text, so it
// only sees texts where a word is disguised.
const englishMatcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const DISGUISED = /\p{L}[*@$!0-9]+\p{L}/u;
const INSULTS = new Set(
  [
    ...leoProfanity.list(),
    ...frenchBadwords.array,
    ...'idiot idiots moron morons stupid loser losers pathetic clown clowns incompetent incompetents scammer scammers liar liars thief thieves trash garbage useless'.split(' '),
    ...'voleur voleurs voleuse menteur menteurs menteuse incompetent incompetents incompetente nul nuls nulle nulles minable minables arnaqueur arnaqueurs epais cave caves twit twits'.split(' '),
  ].map(normalise),
);

// Québec and English praise that borrows hostile words: "c'est malade!", "trop débile", "this is sick".
const PRAISE = /\b(?:c'?est|c'?etait|ca|trop|vraiment|tellement|full|it'?s|this is|that'?s|so)\s+(?:\p{L}+\s+)?(?:malade|debile|fou|folle|ecoeurant|capote|sick|insane|wicked|killer|crazy)\b/gu;
// Aimed at a person: "t'es un cave", "vous êtes des voleurs", "espèce d'idiot", "you're an idiot", "you morons".
const DIRECTED = /\b(?:t'?es|tu es|vous etes|espece d'?|gang de|bande d'?|you'?re|you are|ur|you)\s*(?:(?:un|une|des|de|la|le|juste|vraiment|tellement|ben|a|an|such|so|all|fucking|total)\s+)*([\p{L}']+)/gu;

const hasWord = (words: readonly string[]) => words.filter((word) => INSULTS.has(word)).length;

export const lexiconHostilityScorer: HostilityScorer = (text) => {
  const plain = normalise(text).replace(PRAISE, ' ');
  // Folded text is Latin letters for fr/en; anything else (digits, emoji, other scripts) separates words.
  const words = plain.split(/[^a-z\u00df-\u00ff]+/u).filter(Boolean);
  const insults = hasWord(words) + (DISGUISED.test(text) ? englishMatcher.getAllMatches(plain).length : 0);
  const isDirected = [...plain.matchAll(DIRECTED)].some(([, target = '']) => INSULTS.has(target));
  // Shouting: letters, and none of them lower case (native case mapping is far cheaper than counting).
  const isShouting = text === text.toUpperCase() && text !== text.toLowerCase() && words.join('').length >= 12;
  const isVehement = /[!?]{3,}/u.test(text);
  return Math.min(1, 0.45 * Math.min(insults, 2) + (isDirected ? 0.35 : 0) + (isShouting ? 0.15 : 0) + (isVehement ? 0.05 : 0));
};
