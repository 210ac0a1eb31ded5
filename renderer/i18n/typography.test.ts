import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { singleFullStop, typographyOptions, withTypography } from './typography';

const localeOf = (language: string) => (language === 'fr' ? 'fr-CA' : 'en-CA');
const instance = async (lng: 'en' | 'fr') => {
  const i18n = withTypography(i18next.createInstance(), localeOf);
  await i18n.init({ lng, resources: { en: { translation: en }, fr: { translation: fr } }, ...typographyOptions });
  return i18n;
};
const [english, french] = await Promise.all([instance('en'), instance('fr')]);

describe('one full stop where a sentence ends on "a.m." or "p.m."', () => {
  it('turns exactly two stops into one, and leaves one, three and an ellipsis alone', () => {
    expect(singleFullStop('until 8:28 a.m..')).toBe('until 8:28 a.m.');
    expect(singleFullStop('Done. Next.')).toBe('Done. Next.');
    expect(singleFullStop('Loading...')).toBe('Loading...');
    expect(singleFullStop('Wait…')).toBe('Wait…');
  });

  it('applies to every translated string, after the time is put in', () => {
    expect(english.t('duty.workingBanner', { time: 'Saturday, December 5 at 8:28 a.m.' })).toBe('Working outside your hours, until Saturday, December 5 at 8:28 a.m.');
    expect(english.t('hours.note.merged', { range: '9:00 a.m. – 5:00 p.m.' })).toBe('Overlapping ranges merged into 9:00 a.m. – 5:00 p.m.');
  });
});

describe('numbers in sentences, as the language writes them', () => {
  it('groups thousands with a no-break space in French and a comma in English, plural still chosen from the number', () => {
    expect(french.t('contact.followers', { count: 7120 })).toBe('7\u00a0120 abonnés');
    expect(english.t('contact.followers', { count: 7120 })).toBe('7,120 followers');
    expect(english.t('contact.followers', { count: 1 })).toBe('1 follower');
  });

  it('leaves text values as they are', () => {
    expect(english.t('triage.notice.assigned', { count: 1, name: 'Ana' })).toBe('Conversation assigned to Ana');
  });
});
