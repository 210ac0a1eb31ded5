import { describe, expect, it } from 'vitest';
import { avatarHue, initialsOf } from './avatar';

describe('avatars', () => {
  it('take up to two initials, accents and all', () => {
    expect(initialsOf('Marie-Ève Gagnon')).toBe('MG');
    expect(initialsOf('  élodie  ')).toBe('É');
    expect(initialsOf('Jean de la Fontaine')).toBe('JF');
    expect(initialsOf('😀 Team')).toBe('😀T');
    expect(initialsOf('   ')).toBe('?');
  });

  it('derive a stable hue from the id, different for different ids', () => {
    const ids = ['0195f3a2-7b1c-7def-8a00-000000000001', '0195f3a2-7b1c-7def-8a00-000000000002', '0195f3a2-7b1c-7def-8a00-000000000003'];
    const hues = ids.map(avatarHue);
    expect(ids.map(avatarHue)).toEqual(hues);
    expect(new Set(hues).size).toBe(3);
    expect(hues.every((hue) => Number.isInteger(hue) && hue >= 0 && hue < 360)).toBe(true);
  });
});
