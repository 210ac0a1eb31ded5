import { useTranslation } from 'react-i18next';
import type { ModerationAction } from '../../../shared/domain/moderation';
import type { Platform } from '../../../shared/domain/platform';
import { localeOf } from '../../i18n/i18n';

/**
 * What a moderation does, in each platform's own words where they differ (YouTube and Reddit
 * block for good: Pieuvre cannot unblock there). One text for all the platforms is said plainly;
 * a bulk across platforms whose texts differ says each, after the platforms it applies to, so
 * "you can unblock them here later" is never promised for a YouTube or Reddit author.
 */
export function ModerationConsequences({ action, platforms }: { action: ModerationAction; platforms: readonly Platform[] }) {
  const { t, i18n } = useTranslation();
  const byText = new Map<string, Platform[]>();
  for (const platform of new Set(platforms)) {
    const text = t(`moderation.confirm.body.${action}`, { context: platform });
    byText.set(text, [...(byText.get(text) ?? []), platform]);
  }
  const groups = [...byText];
  if (groups.length <= 1) return <p>{groups[0]?.[0] ?? t(`moderation.confirm.body.${action}`)}</p>;
  const names = new Intl.ListFormat(localeOf(i18n.language), { type: 'conjunction' });
  return (
    <ul className="moderation-consequences">
      {groups.map(([text, on]) => (
        <li key={on.join()}>{t('moderation.confirm.onPlatforms', { platforms: names.format(on.map((platform) => t(`platform.${platform}`))), text })}</li>
      ))}
    </ul>
  );
}
