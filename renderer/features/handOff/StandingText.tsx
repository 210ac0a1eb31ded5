import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { localeOf } from '../../i18n/i18n';
import { formatZonedDateTime } from '../duty/zonedTime';
import type { Standing } from './teammateStanding';

/** "On duty", or "Off until Monday 9:00" on the teammate's own clock. */
export function standingText(standing: Standing, t: TFunction, language: string): string {
  if (standing.isOnDuty) return t('handOff.onDuty');
  if (standing.backAt === null) return t('handOff.offDuty');
  return t('handOff.offUntil', { time: formatZonedDateTime(t, standing.backAt, standing.person.schedule?.timeZone ?? null, localeOf(language)) });
}

export function StandingText({ standing }: { standing: Standing }) {
  const { t, i18n } = useTranslation();
  return <span className={standing.isOnDuty ? 'standing is-on' : 'standing is-off'}>{standingText(standing, t, i18n.language)}</span>;
}
