import { describe, expect, it } from 'vitest';
import type { HubLease } from '../../../shared/api/hub';
import { useTranslations } from '../../i18n/testTranslations';
import { leaseHolderText } from './hubTexts';

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
});
