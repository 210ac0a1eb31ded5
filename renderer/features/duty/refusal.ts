import type { TFunction } from 'i18next';
import { WEEKDAYS, type Weekday } from '../../../shared/schedule';
import { CoreError } from '../../app/coreClient';

/** Why the core refused hours: on the days it names, else one plain sentence; never its internal names. */
export type Refusal = { days: Partial<Record<Weekday, string>>; general: string | null };

/** The core's refusal of hours in the person's words: its issues ("schedule.weekly.tue.1") put on the days they name. */
export function refusalOf(t: TFunction, failure: unknown): Refusal {
  if (!(failure instanceof CoreError)) return { days: {}, general: t('hours.failed', { message: String(failure) }) };
  const days: Refusal['days'] = {};
  for (const issue of failure.issues) {
    const path = issue.path.split('.');
    const day = WEEKDAYS.find((weekday) => path.includes('weekly') && path.includes(weekday));
    if (day) days[day] = t('hours.problem.refused');
  }
  if (Object.keys(days).length > 0) return { days, general: null };
  if (failure.issues.some((issue) => issue.path.endsWith('timeZone'))) return { days, general: t('hours.problem.zone') };
  return { days, general: failure.code === 'invalid_input' ? t('hours.problem.refusedPlain') : t('hours.failed', { message: failure.message }) };
}
