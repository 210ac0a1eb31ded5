import { foldText } from '../text/foldText';

export type Matchable = {
  name: string;
  shortcut: string;
  variants: readonly { body: string }[];
  usageCount: number;
  lastUsedAt: number | null;
};

/** How well a template answers the query; lower is better, null is no match. */
const TIER = { shortcutPrefix: 0, nameWordPrefix: 1, nameContains: 2, bodyContains: 3, shortcutLetters: 4, nameLetters: 5 } as const;
type Tier = (typeof TIER)[keyof typeof TIER];

const isSubsequence = (query: string, text: string): boolean => {
  let at = 0;
  for (const char of text) if (char === query[at]) at++;
  return at === query.length;
};

function tierOf(template: Matchable, query: string): Tier | null {
  if (query === '') return TIER.shortcutPrefix;
  const shortcut = foldText(template.shortcut);
  if (shortcut.startsWith(query)) return TIER.shortcutPrefix;
  const name = foldText(template.name);
  if (name.split(/[\s'’-]+/u).some((word) => word.startsWith(query))) return TIER.nameWordPrefix;
  if (name.includes(query)) return TIER.nameContains;
  if (template.variants.some((variant) => foldText(variant.body).includes(query))) return TIER.bodyContains;
  if (isSubsequence(query, shortcut)) return TIER.shortcutLetters;
  if (isSubsequence(query, name)) return TIER.nameLetters;
  return null;
}

/** Among equals, the templates the person reaches for most, then most recently, come first. */
const byHabit = (a: Matchable, b: Matchable): number =>
  b.usageCount - a.usageCount || (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0) || a.name.localeCompare(b.name);

/**
 * The composer's `/` picker: a shortcut starting with the query first, then names (a word
 * starting with it, then anywhere), then bodies, then the query's letters in order in a shortcut,
 * then in a name ("mrc" finds "merci"). Accents and case never matter: "/desole" finds "Désolé".
 */
export function matchTemplates<T extends Matchable>(templates: readonly T[], query: string): T[] {
  const folded = foldText(query.trim().replace(/^\//u, ''));
  return templates
    .map((template) => ({ template, tier: tierOf(template, folded) }))
    .filter((match): match is { template: T; tier: Tier } => match.tier !== null)
    .sort((a, b) => a.tier - b.tier || byHabit(a.template, b.template))
    .map(({ template }) => template);
}
