import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { localeOf } from '../../i18n/i18n';
import { formatZonedDateTime } from '../duty/zonedTime';
import type { Standing } from './teammateStanding';

/** When an off-duty teammate is back, on their own clock ("Monday 9:00"); null without a shift ahead. */
export const backTime = (standing: Standing, t: TFunction, language: string): string | null =>
  standing.backAt === null ? null : formatZonedDateTime(t, standing.backAt, standing.person.schedule?.timeZone ?? null, localeOf(language));

/** "On duty", or "Off until Monday 9:00". */
export function standingText(standing: Standing, t: TFunction, language: string): string {
  if (standing.isOnDuty) return t('handOff.onDuty');
  const time = backTime(standing, t, language);
  return time === null ? t('handOff.offDuty') : t('handOff.offUntil', { time });
}

export function StandingText({ standing }: { standing: Standing }) {
  const { t, i18n } = useTranslation();
  return <span className={standing.isOnDuty ? 'standing is-on' : 'standing is-off'}>{standingText(standing, t, i18n.language)}</span>;
}
