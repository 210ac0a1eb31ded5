import frenchBadwords from 'french-badwords-list';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';

/**
 * How hostile a message reads, from 0 to 1, computed locally: nothing leaves the machine.
 * Pluggable: ingest takes any function of this shape, so a better model can replace the
 * lexicons without touching anything else.
 */
export type HostilityScorer = (text: string) => number;


// Lower case, accents off, so "ÉPAIS" and "epais" meet the same entry.
const normalise = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[’`]/gu, "'");

// The maintained lexicons (obscenity for English, with its disguised-spelling transformers;
// french-badwords-list for French), plus insults aimed at people that are not swear words.
const englishMatcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const INSULTS = new Set(
  [
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
  const words = plain.split(/[^\p{L}]+/u).filter(Boolean);
  const insults = hasWord(words) + englishMatcher.getAllMatches(plain).length;
  const isDirected = [...plain.matchAll(DIRECTED)].some(([, target = '']) => INSULTS.has(target) || englishMatcher.hasMatch(target));
  const letters = text.replace(/[^\p{L}]/gu, '');
  const isShouting = letters.length >= 12 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length >= 0.6;
  const isVehement = /[!?]{3,}/u.test(text);
  return Math.min(1, 0.45 * Math.min(insults, 2) + (isDirected ? 0.35 : 0) + (isShouting ? 0.15 : 0) + (isVehement ? 0.05 : 0));
};
