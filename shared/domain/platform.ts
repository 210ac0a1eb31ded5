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
