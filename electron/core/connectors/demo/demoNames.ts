import type { Scam } from './languageCorpus';

/** Name parts for demo authors. Québec first names lean on the generations that comment most. */
export const FRENCH_FIRST_NAMES = [
  'Émilie', 'Félix', 'Gabrielle', 'Mathieu', 'Léa', 'Olivier', 'Chloé', 'Samuel', 'Camille', 'Étienne',
  'Maude', 'Jérémie', 'Rosalie', 'Alexandre', 'Noémie', 'Maxime', 'Sophie', 'François', 'Marie-Ève', 'Jean-Philippe',
  'Geneviève', 'Benoît', 'Audrey', 'Simon', 'Josée', 'Réjean', 'Ginette', 'Sylvain', 'Mélanie', 'Frédéric',
  'Anne-Sophie', 'Raphaël', 'Élodie', 'Louis', 'Catherine', 'Guillaume', 'Véronique', 'Hugo', 'Andrée', 'Jacinthe',
] as const;

export const FRENCH_LAST_NAMES = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné',
  'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard', 'Simard', 'Boucher',
  'Caron', 'Beaulieu', 'Cloutier', 'Dubé', 'Poirier', 'Fournier', 'Lapointe', 'Leclerc', 'Lefebvre', 'Poulin',
  'Thibault', 'St-Pierre', 'Nadeau', 'Martel', 'Desjardins', 'Thériault', 'Lachance', 'Béland', 'Giroux', 'Hébert',
] as const;

export const ENGLISH_FIRST_NAMES = [
  'Emily', 'Liam', 'Olivia', 'Noah', 'Ava', 'Ethan', 'Sophia', 'Lucas', 'Hannah', 'Jacob',
  'Chloe', 'Owen', 'Grace', 'Ryan', 'Megan', 'Dylan', 'Jessica', 'Tyler', 'Sarah', 'Connor',
  'Priya', 'Arjun', 'Mei', 'Wei', 'Fatima', 'Omar', 'Aisha', 'Diego', 'Sofia', 'Kwame',
  'Brian', 'Karen', 'Doug', 'Linda', 'Kevin', 'Heather', 'Jordan', 'Taylor', 'Morgan', 'Riley',
] as const;

export const ENGLISH_LAST_NAMES = [
  'Smith', 'Brown', 'Wilson', 'MacDonald', 'Campbell', 'Anderson', 'Taylor', 'Thompson', 'Stewart', 'Murphy',
  'Clarke', 'Walsh', "O'Brien", 'Reid', 'Fraser', 'Singh', 'Patel', 'Chen', 'Wong', 'Nguyen',
  'Kim', 'Ali', 'Hassan', 'Garcia', 'Rossi', 'Cohen', 'Friedman', 'Johnson', 'Harris', 'Martin',
  'Lee', 'Young', 'King', 'Scott', 'Green', 'Baker', 'Hill', 'Cooper', 'Ward', 'Bell',
] as const;

/** Mastodon handles name their home instance; a few real, well-known ones. */
export const MASTODON_INSTANCES = ['mastodon.social', 'mstdn.ca', 'piaille.fr', 'mas.to', 'mastodon.online', 'fosstodon.org'] as const;

/**
 * Spam accounts: a display name, the parts their handles are made of, the scam they run, and
 * the language they post in (null: either, account by account).
 */
export const SPAMMERS: readonly (readonly [name: string, first: string, last: string, scam: Scam, language: 'fr' | 'en' | null])[] = [
  ['Crypto Mentor Sarah', 'Crypto', 'Sarah', 'crypto', null],
  ['Lisa Invests 💰', 'Lisa', 'Invests', 'crypto', null],
  ['Bitcoin Coach Marc', 'Bitcoin', 'Coach', 'crypto', null],
  ['Followers Boost', 'Followers', 'Boost', 'followers', null],
  ['Insta Growth Pro', 'Growth', 'Pro', 'followers', null],
  ['Meta Support Team', 'Meta', 'Support', 'phishing', null],
  ['Page Security Alert ⚠️', 'Page', 'Security', 'phishing', null],
  ['Free Gifts Canada 🎁', 'FreeGifts', 'Canada', 'giveaway', 'en'],
  ['Cadeaux Gratuits QC', 'Cadeaux', 'Gratuits', 'giveaway', 'fr'],
  ['Forex Queen Jessica', 'Forex', 'Jessica', 'forex', null],
  ['Julie Trading FX', 'Julie', 'TradingFX', 'forex', null],
  ['Shades Outlet', 'Shades', 'Outlet', 'shop', 'en'],
  ['Promo Lunettes', 'Promo', 'Lunettes', 'shop', 'fr'],
];
