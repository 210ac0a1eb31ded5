import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../i18n/i18n';
import { formatBytes } from './formatBytes';
import { formatDateTime, formatRecentDateTime, formatRelative } from './formatTime';
import { linkify } from './linkify';
import { snoozeUntil } from './snoozeTimes';

describe('linkify', () => {
  it('makes http(s) links clickable and keeps everything else as text', () => {
    expect(linkify('Voir https://brulerie.ca/menu. Merci! <img src=x onerror=alert(1)> javascript:alert(1)')).toEqual([
      { kind: 'text', text: 'Voir ' },
      { kind: 'link', text: 'https://brulerie.ca/menu', href: 'https://brulerie.ca/menu' },
      { kind: 'text', text: '. Merci! <img src=x onerror=alert(1)> javascript:alert(1)' },
    ]);
    expect(linkify('(http://a.ca/b)')).toEqual([{ kind: 'text', text: '(' }, { kind: 'link', text: 'http://a.ca/b', href: 'http://a.ca/b' }, { kind: 'text', text: ')' }]);
  });

  it('leaves links carrying a user name or password as text', () => {
    expect(linkify('Ta banque : https://desjardins.com@evil.example/login, vite!')).toEqual([
      { kind: 'text', text: 'Ta banque : https://desjardins.com@evil.example/login, vite!' },
    ]);
    expect(linkify('https://ana:secret@cafe.ca/ et https://cafe.ca/menu')).toEqual([
      { kind: 'text', text: 'https://ana:secret@cafe.ca/ et ' },
      { kind: 'link', text: 'https://cafe.ca/menu', href: 'https://cafe.ca/menu' },
    ]);
    expect(linkify('http://:pw@a.ca')).toEqual([{ kind: 'text', text: 'http://:pw@a.ca' }]);
  });
});

describe('snooze times', () => {
  // Wednesday 2026-11-18, 14:30 local time.
  const now = new Date(2026, 10, 18, 14, 30);
  it('ends later today, tomorrow at 09:00, or next Monday at 09:00', () => {
    expect(snoozeUntil('laterToday', now)).toBe(new Date(2026, 10, 18, 17, 30).getTime());
    expect(snoozeUntil('tomorrowMorning', now)).toBe(new Date(2026, 10, 19, 9, 0).getTime());
    expect(snoozeUntil('nextWeek', now)).toBe(new Date(2026, 10, 23, 9, 0).getTime());
    expect(snoozeUntil('nextWeek', new Date(2026, 10, 23, 8, 0))).toBe(new Date(2026, 10, 30, 9, 0).getTime());
  });
});

describe('relative times', () => {
  const now = Date.UTC(2026, 10, 21, 12);
  // The wording is ICU's (it differs between Node and Chromium); the unit and the count are ours.
  const intl = (locale: string, value: number, unit: Intl.RelativeTimeFormatUnit) =>
    new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }).format(value, unit);
  it('says it in the person’s language, in the largest whole unit', () => {
    expect(formatRelative(now - 5 * 60_000, now, 'en-CA', 'now')).toBe(intl('en-CA', -5, 'minute'));
    expect(formatRelative(now - 3 * 3_600_000 - 600_000, now, 'fr-CA', 'maintenant')).toBe(intl('fr-CA', -3, 'hour'));
    expect(formatRelative(now - 26 * 3_600_000, now, 'en-CA', 'now')).toBe(intl('en-CA', -1, 'day'));
    expect(formatRelative(now - 40 * 24 * 3_600_000, now, 'fr-CA', 'maintenant')).toBe(intl('fr-CA', -1, 'month'));
    expect(formatRelative(now - 20_000, now, 'fr-CA', 'maintenant')).toBe('maintenant');
  });
});

describe('language', () => {
  it('follows the system unless the person chose', () => {
    expect(pickLanguage(null, ['fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(null, ['fr-FR'])).toBe('fr');
    expect(pickLanguage(null, ['en-US', 'fr'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
    expect(pickLanguage('en', ['fr-CA'])).toBe('en');
    expect(pickLanguage('de', ['fr-CA'])).toBe('fr');
  });
});

describe('recent dates', () => {
  const now = Date.UTC(2026, 10, 2, 14, 30);
  it('names the weekday within the past six days, and the full date beyond', () => {
    const friday = Date.UTC(2026, 9, 30, 21);
    expect(formatRecentDateTime(friday, now, 'fr-CA', 'UTC')).toBe('vendredi 21 h');
    expect(formatRecentDateTime(friday + 54 * 60_000, now, 'en-CA', 'UTC')).toBe('Friday 9:54\u202fp.m.');
    expect(formatRecentDateTime(friday, now, 'fr-CA')).not.toBe(formatDateTime(friday, 'fr-CA'));
    const lastMonday = now - 7 * 24 * 3_600_000;
    expect(formatRecentDateTime(lastMonday, now, 'en-CA')).toBe(formatDateTime(lastMonday, 'en-CA'));
    expect(formatRecentDateTime(now + 60_000, now, 'en-CA')).toBe(formatDateTime(now + 60_000, 'en-CA'));
  });
});

describe('formatBytes', () => {
  it('uses the largest unit with a whole part, in the person’s locale', () => {
    expect(formatBytes(48, 'en-CA')).toBe('48 bytes');
    expect(formatBytes(4096, 'en-CA')).toBe('4 kB');
    expect(formatBytes(1.8 * 1024 ** 2, 'en-CA')).toBe('1.8 MB');
    expect(formatBytes(1.8 * 1024 ** 2, 'fr-CA').replace(/\s/g, ' ')).toBe('1,8 Mo');
  });
});
