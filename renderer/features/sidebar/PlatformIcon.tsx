import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../shared/domain/platform';

// Brand-neutral glyphs (real logos are trademarks); each platform's colour is in styles.css.
const GLYPHS: Record<Platform, string> = {
  facebook: 'f', instagram: 'ig', youtube: '▶', x: '𝕏', bluesky: 'bs', mastodon: 'm', reddit: 'r', tiktok: 'tt', linkedin: 'in',
};

export function PlatformIcon({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  return (
    <span className="platform-icon" data-platform={platform} role="img" aria-label={t(`platform.${platform}`)} title={t(`platform.${platform}`)}>
      {GLYPHS[platform]}
    </span>
  );
}
