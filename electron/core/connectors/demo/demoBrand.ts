import type { Platform } from '../../../../shared/domain/platform';

/** The fictional brand the demo workspace answers for: a Montréal coffee roaster. */
export const DEMO_BRAND_NAME = 'Brûlerie Castor';

/** Coffees, all named so that "le {product}" / "the {product}" reads right in both languages. */
export const DEMO_PRODUCTS = [
  'Mont-Royal',
  'Moka du Plateau',
  'Décaf Rosemont',
  'Cold brew Saint-Laurent',
  'Mélange Hochelaga',
  'Filtre Mile End',
  'Guji éthiopien',
  'Huila colombien',
  'Sumatra Castor',
  'Brésil Cerrado',
  'Noir de Limoilou',
  'Mélange des fêtes',
] as const;

/** Towns and neighbourhoods with a shop; none takes an article or starts with a vowel ("de {place}"). */
export const DEMO_PLACES = [
  'Rosemont',
  'Verdun',
  'Saint-Henri',
  'Villeray',
  'Griffintown',
  'Limoilou',
  'Sherbrooke',
  'Laval',
  'Longueuil',
  'Gatineau',
  'Toronto',
] as const;

export type DemoAccount = { platform: Platform; externalId: string; name: string; handle: string };

const accountOf = (platform: Platform, handle: string): DemoAccount => ({
  platform,
  externalId: `demo-${platform}-brulerie-castor`,
  name: DEMO_BRAND_NAME,
  handle,
});

/** The brand's own account on every platform; it authors the demo's outgoing replies. */
export const DEMO_BRAND_ACCOUNTS: Readonly<Record<Platform, DemoAccount>> = {
  facebook: accountOf('facebook', 'BrulerieCastor'),
  instagram: accountOf('instagram', '@brulerie.castor'),
  youtube: accountOf('youtube', '@BrulerieCastor'),
  x: accountOf('x', '@BrulerieCastor'),
  bluesky: accountOf('bluesky', 'bruleriecastor.bsky.social'),
  mastodon: accountOf('mastodon', '@castor@mstdn.ca'),
  reddit: accountOf('reddit', 'u/BrulerieCastor'),
  tiktok: accountOf('tiktok', '@bruleriecastor'),
  linkedin: accountOf('linkedin', 'brulerie-castor'),
};

/** The platforms a demo workspace gets an account on (the core creates them flagged demo). */
export const DEMO_PLATFORMS = ['facebook', 'instagram', 'youtube', 'x', 'bluesky', 'mastodon'] as const satisfies readonly Platform[];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = DEMO_PLATFORMS.map((platform) => DEMO_BRAND_ACCOUNTS[platform]);

/** The brand's follower count: known, since it is our own account. */
export const DEMO_BRAND_FOLLOWERS = 18_400;
