/** Every platform Pieuvre knows. Order is the order the UI lists them in. */
export const PLATFORMS = [
  'facebook',
  'instagram',
  'youtube',
  'x',
  'bluesky',
  'mastodon',
  'reddit',
  'tiktok',
  'linkedin',
] as const;

export type Platform = (typeof PLATFORMS)[number];

/** Each platform's own name, for the core's messages (the UI says them through i18n). */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  reddit: 'Reddit',
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
};

/**
 * The platforms a person connects through their own app on the platform and an OAuth sign-in in
 * their browser (wave 2): each needs the app's client id first (`accounts.setPlatformApp`).
 */
export const OAUTH_PLATFORMS = ['facebook', 'instagram', 'youtube', 'x', 'reddit'] as const satisfies readonly Platform[];
export type OAuthPlatform = (typeof OAUTH_PLATFORMS)[number];
export const isOAuthPlatform = (platform: Platform): platform is OAuthPlatform => (OAUTH_PLATFORMS as readonly Platform[]).includes(platform);

/**
 * The platforms whose calls cost money (X's pay-per-use): the person may set a monthly budget on
 * each of their accounts there (`accounts.setMonthlyBudget`). YouTube's daily quota is the
 * platform's own, not a budget the person sets.
 */
export const SPEND_BUDGET_PLATFORMS = ['x'] as const satisfies readonly OAuthPlatform[];
export const hasSpendBudget = (platform: Platform): boolean => (SPEND_BUDGET_PLATFORMS as readonly Platform[]).includes(platform);
