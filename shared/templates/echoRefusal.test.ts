import { describe, expect, it } from 'vitest';
import { echoRefusal } from './echoRefusal';
import { HOSTILE_NAMES, ORDINARY_NAMES } from './hostileNames.fixture';

describe('echoRefusal', () => {
  it('refuses every hostile name of the corpus, with its reason', () => {
    expect(HOSTILE_NAMES.length).toBeGreaterThanOrEqual(30);
    expect(HOSTILE_NAMES.map(({ name }) => ({ name, refusal: echoRefusal(name) }))).toEqual(HOSTILE_NAMES.map(({ name, refusal }) => ({ name, refusal })));
  });

  it('repeats real names: accents, apostrophes, other scripts, a joiner between letters, emoji', () => {
    expect(ORDINARY_NAMES.filter((name) => echoRefusal(name) !== null)).toEqual([]);
  });

  it('counts graphemes, not code units: 40 emoji or accented letters pass, 41 do not', () => {
    expect(echoRefusal('👩🏽‍💻'.repeat(40))).toBeNull();
    expect(echoRefusal('é'.normalize('NFD').repeat(40))).toBeNull();
    expect(echoRefusal('é'.repeat(41))).toBe('tooLong');
    expect(echoRefusal('Bob '.repeat(25_000))).toBe('tooLong');
  });

  it('allows a letter under three marks, not four', () => {
    expect(echoRefusal('a\u0301\u0302\u0303')).toBeNull();
    expect(echoRefusal('a\u0301\u0302\u0303\u0304')).toBe('stackedMarks');
  });

  it('keeps joiners inside an emoji only, and a non-joiner only between letters', () => {
    expect(echoRefusal('🏴󠁧󠁢󠁳󠁣󠁴󠁿 Iain')).toBeNull();
    expect(echoRefusal('Bob\u200C')).toBe('invisible');
    expect(echoRefusal('\u200CBob')).toBe('invisible');
    expect(echoRefusal('Bob\u200D🙂')).toBe('invisible');
  });
});
