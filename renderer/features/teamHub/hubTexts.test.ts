import { describe, expect, it } from 'vitest';
import type { HubLease, HubMemberSummary } from '../../../shared/api/hub';
import { useTranslations } from '../../i18n/testTranslations';
import { leaseHolderText, memberLabels, withdrawnText } from './hubTexts';

const t = useTranslations();
const lease = (holder: HubLease['holder'], holderName: string | null = null): HubLease => ({ accountId: 'a', accountName: 'Café Lune', holder, holderName, expiresAt: null });

describe('who reads an account', () => {
  it('names the teammate whose computer polls it, French eliding "de" before a vowel or a mute h', () => {
    expect(leaseHolderText(t.en, lease('teammate', 'Julie'))).toBe('Julie’s computer');
    expect(leaseHolderText(t.fr, lease('teammate', 'Julie'))).toBe('L’ordinateur de Julie');
    expect(leaseHolderText(t.en, lease('teammate', 'Antoine'))).toBe('Antoine’s computer');
    expect(leaseHolderText(t.fr, lease('teammate', 'Antoine'))).toBe('L’ordinateur d’Antoine');
    expect(leaseHolderText(t.fr, lease('teammate', 'Éloïse'))).toBe('L’ordinateur d’Éloïse');
    expect(leaseHolderText(t.fr, lease('teammate', 'Hélène'))).toBe('L’ordinateur d’Hélène');
  });

  it('says this computer, nobody, or a teammate when the hub does not know who', () => {
    expect([lease('me'), lease('nobody'), lease('teammate')].map((each) => leaseHolderText(t.fr, each))).toEqual(['Cet ordinateur', 'Personne pour l’instant', 'Un coéquipier']);
    expect(leaseHolderText(t.en, lease('teammate'))).toBe('A teammate');
  });

  it('says whose computer an account was disconnected on, for the whole team', () => {
    expect(leaseHolderText(t.en, lease('withdrawn', 'Julie'))).toBe('Disconnected on Julie’s computer');
    expect(leaseHolderText(t.fr, lease('withdrawn', 'Julie'))).toBe('Déconnecté sur l’ordinateur de Julie');
    expect(leaseHolderText(t.fr, lease('withdrawn', 'Antoine'))).toBe('Déconnecté sur l’ordinateur d’Antoine');
    expect(leaseHolderText(t.fr, lease('withdrawn'))).toBe('Déconnecté sur l’ordinateur d’un coéquipier');
    expect(t.fr('accounts.problem.withdrawn', { where: withdrawnText(t.fr, 'Julie') })).toMatch(/^Déconnecté sur l’ordinateur de Julie : .+Reconnectez-le/u);
  });
});

describe('teammates of one name', () => {
  const member = (role: string, name: string, addedAt: number): HubMemberSummary => ({ role, name, isMe: false, removedAt: null, addedAt, hasJoined: false });

  it('says when each was invited, and leaves a name worn once as it is', () => {
    const members = [member('r1', 'Marc', Date.UTC(2026, 11, 5, 18, 5)), member('r2', 'Julie', Date.UTC(2026, 11, 5, 18, 6)), member('r3', 'Marc', Date.UTC(2026, 11, 5, 18, 40))];
    const en = memberLabels(t.en, members, 'en-CA');
    expect(en.get('r2')).toBe('Julie');
    expect(en.get('r1')).toMatch(/^Marc, invited Dec\.? 5, 2026, \d/u);
    expect(new Set(en.values()).size).toBe(3);
    const fr = memberLabels(t.fr, members, 'fr-CA');
    expect(fr.get('r3')).toMatch(/^Marc, invitation du 5 déc\. 2026, \d+ h 40$/u);
    expect(fr.get('r1')).not.toBe(fr.get('r3'));
  });
});
