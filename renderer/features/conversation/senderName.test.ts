import { describe, expect, it } from 'vitest';
import type { TeamMember } from '../../../shared/api/team';
import type { Contact, SentBy } from '../../../shared/domain/entities';
import { useTranslations } from '../../i18n/testTranslations';
import { escalatedTo } from './escalatedTo';
import { senderName } from './senderName';

const t = useTranslations();

const brand = { name: 'Brûlerie Castor', handle: '@castor' } as Contact;
const fan = { name: '', handle: '@fan' } as Contact;
const name = (sentBy: SentBy | null, language: 'en' | 'fr' = 'en', author = brand) => senderName({ author, sentBy }, t[language]);

describe('who the thread says wrote a message', () => {
  it('says "You" only for the person at this desktop', () => {
    expect(name({ kind: 'person', personId: 'p1', name: 'Ana', isMe: true })).toBe('You');
    expect(name({ kind: 'person', personId: 'p1', name: 'Ana', isMe: true }, 'fr')).toBe('Vous');
    expect(name({ kind: 'person', personId: 'p2', name: 'Camille Roy', isMe: false })).toBe('Camille Roy');
    expect(name({ kind: 'person', personId: null, name: '', isMe: false }, 'fr')).toBe('Une personne de l’équipe');
  });

  it('names what sent it on its own, and the brand’s words from outside Pieuvre', () => {
    expect(name({ kind: 'away_reply' }, 'fr')).toBe('Réponse d’absence automatique');
    expect(name({ kind: 'rule', ruleName: 'Heures d’ouverture' })).toBe('Rule: Heures d’ouverture');
    expect(name({ kind: 'rule', ruleName: 'Heures d’ouverture' }, 'fr')).toBe('Règle\u00a0: Heures d’ouverture');
    expect(name({ kind: 'platform' })).toBe('Brûlerie Castor (outside Pieuvre)');
    expect(name({ kind: 'platform' }, 'fr')).toBe('Brûlerie Castor (hors de Pieuvre)');
    expect(name(null, 'en', fan)).toBe('@fan');
  });

  it('escalation lines say "You" by id, never by a name that happens to be "me"', () => {
    const people = [
      { id: 'p1', name: 'Ana', isMe: true },
      { id: 'p2', name: 'me', isMe: false },
      { id: 'p3', name: 'Camille Roy', isMe: false },
    ] as TeamMember[];
    const line = (data: Record<string, unknown>) => ({ at: 0, actor: 'gate', action: 'conversation.escalated', data });
    expect(escalatedTo(line({ to: ['Ana', 'me', 'Camille R.'], toIds: ['p1', 'p2', 'p3'] }), people, t.en)).toBe('You, me, Camille Roy');
    expect(escalatedTo(line({ to: ['Gone'], toIds: ['p9'] }), people, t.fr)).toBe('Gone');
    // Recorded before ids were: this desktop's unnamed person was "me".
    expect(escalatedTo(line({ to: ['me', 'Camille Roy'] }), people, t.fr)).toBe('Vous, Camille Roy');
  });
});
