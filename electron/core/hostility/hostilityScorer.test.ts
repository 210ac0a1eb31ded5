import { describe, expect, it } from 'vitest';
import { HOSTILE_THRESHOLD } from '../../../shared/domain/entities';
import { lexiconHostilityScorer as score } from './hostilityScorer';

const isHostile = (text: string) => score(text) >= HOSTILE_THRESHOLD;

describe('hostility score (fr/en, local)', () => {
  it.each([
    "T'es juste une conne, franchement.",
    'Vous êtes des voleurs, rendez-moi mon argent!!!',
    "Espèce d'épais, apprends à lire.",
    'Gang de caves, vous savez même pas faire un café.',
    "You're an idiot and your coffee is garbage.",
    'Bunch of incompetents, you morons ruined my order.',
    'WORST SERVICE EVER, YOU ARE ALL USELESS!!!',
    'f*ck you and your sh1tty shop',
  ])('shields “%s”', (text) => {
    expect(isHostile(text)).toBe(true);
  });

  it.each([
    "C'est malade! Meilleur café en ville.",
    "Ce latte est trop débile, bravo l'équipe!",
    "C'était écoeurant, on revient samedi.",
    'This blend is sick, seriously.',
    "That's insane value for a pound of beans!",
    'Ma commande est en retard, pouvez-vous vérifier?',
    'I am disappointed: the grinder broke after two weeks.',
    'MERCI BEAUCOUP!!! 🎉',
    "C'est tabarnak de bon, ce café-là.",
  ])('leaves “%s” alone', (text) => {
    expect(isHostile(text)).toBe(false);
  });

  it('grows with insults, aim, shouting and vehemence, and stays within 0..1', () => {
    const mild = score('Quelle bande de nuls.');
    const aimed = score('Vous êtes des nuls.');
    const loud = score('VOUS ÊTES DES NULS ET DES MENTEURS!!!');
    expect(mild).toBeLessThan(aimed);
    expect(aimed).toBeLessThan(loud);
    expect(loud).toBeLessThanOrEqual(1);
    expect(score('')).toBe(0);
  });
});
