import { describe, expect, it } from 'vitest';
import { matchTemplates, type Matchable } from './matchTemplates';

const template = (shortcut: string, name: string, body = '', usageCount = 0, lastUsedAt: number | null = null): Matchable => ({
  shortcut,
  name,
  variants: [{ body }],
  usageCount,
  lastUsedAt,
});
const shortcuts = (templates: Matchable[], query: string) => matchTemplates(templates, query).map((t) => t.shortcut);

describe('matchTemplates', () => {
  it('ranks a shortcut prefix, then a name, then a body, then letters in order (shortcuts before names)', () => {
    const templates = [
      template('bodyonly', 'Autre chose', 'Un grand merci à vous'),
      template('fuzzy', 'Mon reçu client'),
      template('remerciements', 'Gratitude'),
      template('thanks', 'Merci beaucoup'),
      template('merci', 'Thanks'),
      template('zz', 'Aucun rapport'),
    ];
    // "remerciements" holds "merci" but does not start with it: neither a prefix nor a name.
    expect(shortcuts(templates, 'merci')).toEqual(['merci', 'thanks', 'bodyonly', 'remerciements']);
    // Letters in order: shortcuts first (equals by name: Gratitude, Thanks), then names.
    expect(shortcuts(templates, 'mrc')).toEqual(['remerciements', 'merci', 'thanks', 'fuzzy']);
  });

  it('ignores accents, case and a typed slash', () => {
    const templates = [template('desole', 'Excuses'), template('heures', 'Heures d’ouverture')];
    expect(shortcuts(templates, '/DÉSO')).toEqual(['desole']);
    expect(shortcuts(templates, 'ouvert')).toEqual(['heures']);
  });

  it('puts a name word that starts with the query before one that only contains it', () => {
    const templates = [template('a', 'Relivraison'), template('b', 'Délais de livraison')];
    expect(shortcuts(templates, 'livr')).toEqual(['b', 'a']);
  });

  it('breaks ties by usage, then by last use, then by name', () => {
    const templates = [template('m1', 'Bravo'), template('m2', 'Allô', '', 5, 10), template('m3', 'Ciao', '', 5, 20), template('m4', 'Alpha')];
    expect(shortcuts(templates, 'm')).toEqual(['m3', 'm2', 'm4', 'm1']);
    expect(shortcuts(templates, '')).toEqual(['m3', 'm2', 'm4', 'm1']);
  });
});
