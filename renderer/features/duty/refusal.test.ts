import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { scheduleSchema } from '../../../shared/schedule';
import { CoreError } from '../../app/coreClient';
import { fr } from '../../i18n/fr';
import { refusalOf } from './refusal';

const french = i18next.createInstance();
await french.init({ lng: 'fr', resources: { fr: { translation: fr } }, interpolation: { escapeValue: false } });

/** The refusal the core sends for hours, built from the schedule contract itself. */
const refused = (schedule: unknown) => {
  const parsed = scheduleSchema.safeParse(schedule);
  if (parsed.success) throw new Error('these hours should be refused');
  const issues = parsed.error.issues.map((issue) => ({ path: ['schedule', ...issue.path].join('.'), message: issue.message }));
  return new CoreError('invalid_input', `duty.setSchedule: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, undefined, issues);
};
const week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('the core’s refusal of hours, in the person’s words', () => {
  it('lands on the day it names, never as "schedule.weekly.tue.1: ranges … overlap"', () => {
    const failure = refused({ timeZone: 'UTC', weekly: { ...week, tue: [['09:00', '12:00'], ['11:00', '13:00']] } });
    expect(failure.message).toContain('schedule.weekly.tue.1: ranges 09:00–12:00 and 11:00–13:00 overlap');
    expect(refusalOf(french.t, failure)).toEqual({ days: { tue: 'Ces plages n’ont pas pu être enregistrées. Écrivez-les comme 9\u00a0h – 17\u00a0h.' }, general: null });
  });

  it('says a zone it does not know plainly, and anything else in one sentence without the core’s words', () => {
    expect(refusalOf(french.t, refused({ timeZone: 'Mars/Olympus', weekly: week }))).toEqual({
      days: {},
      general: 'Cet ordinateur ne connaît pas ce fuseau horaire. Choisissez-en un autre dans la liste.',
    });
    const other = refused({ timeZone: 'UTC', weekly: week, exceptions: [{ date: '2027-02-30', ranges: [] }] });
    expect(refusalOf(french.t, other).general).toBe('Ces heures n’ont pas pu être enregistrées telles quelles. Vérifiez chaque jour et le fuseau horaire.');
  });
});
