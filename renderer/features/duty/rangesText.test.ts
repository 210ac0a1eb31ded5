import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { parseRangesText, type RangesProblem } from '../../../shared/schedule';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { rangesNoteText, rangesProblemText } from './rangesText';

const inLanguage = async (lng: 'en' | 'fr') => {
  const instance = i18next.createInstance();
  await instance.init({ lng, fallbackLng: 'en', resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance.t;
};
const french = await inLanguage('fr');
const english = await inLanguage('en');
const NB = '\u00a0';

const problemOf = (text: string): RangesProblem => {
  const reading = parseRangesText(text);
  if (!('problem' in reading)) throw new Error(`"${text}" should be refused`);
  return reading.problem;
};

describe('what a day’s field says, in each language', () => {
  it.each([
    ['25h-26h', `«${NB}25h${NB}» n’est pas une heure. Écrivez les heures ainsi${NB}: 9${NB}h, 9${NB}h${NB}30 ou 17${NB}h.`, '“25h” is not a time. Write times as 9:00, 9:30 a.m. or 17:00.'],
    ['midi', `«${NB}midi${NB}» n’est pas une plage${NB}: écrivez un début et une fin, comme 9${NB}h – 17${NB}h.`, '“midi” is not a range: write a start and an end, such as 9:00 a.m. – 5:00 p.m.'],
    ['17h-9h', `La fin (9 h) doit venir après le début (17 h). Une plage qui passe minuit s’écrit comme 22${NB}h – 2${NB}h et dure au plus 12${NB}heures.`, 'The end (9:00\u202fa.m.) must be after the start (5:00\u202fp.m.). A range past midnight is written like 10 p.m. – 2 a.m. and lasts at most 12 hours.'],
    ['0h-24h, 22h-2h', `Ces plages se chevauchent et en forment une de plus de 12${NB}heures qui passe minuit. Écrivez-les sans chevauchement.`, 'These ranges overlap into one longer than a night’s work (12 hours past midnight at most). Write them without overlapping.'],
    [Array.from({ length: 13 }, (_, hour) => `${hour}h-${hour}h30`).join(', '), 'Au plus 12 plages par jour.', 'At most 12 ranges a day.'],
  ])('refuses %j by name, never by an internal one', (text, inFrench, inEnglish) => {
    expect(rangesProblemText(french, problemOf(text), 'fr-CA')).toBe(inFrench);
    expect(rangesProblemText(english, problemOf(text), 'en-CA')).toBe(inEnglish);
  });

  it('says which ranges were merged and which end the next day; nothing for plain ones', () => {
    expect(rangesNoteText(french, parseRangesText('9h-12h, 11h-17h, 22h-2h'), 'fr-CA')).toBe('Plages qui se chevauchent fusionnées en 9 h – 17 h. 22 h – 2 h se termine le lendemain.');
    expect(rangesNoteText(english, parseRangesText('9am-12pm, 11am-5pm'), 'en-US')).toBe('Overlapping ranges merged into 9:00\u202fAM – 5:00\u202fPM.');
    expect(rangesNoteText(english, parseRangesText('9-17, 22-24'), 'en-US')).toBeNull();
  });
});
