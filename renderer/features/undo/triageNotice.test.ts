import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import type { TriageChange } from '../inbox/listChange';
import { triageNotice, undoneNotice } from './triageNotice';

const instance = async (lng: 'en' | 'fr') => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false } });
  return i18n;
};
const [english, french] = await Promise.all([instance('en'), instance('fr')]);
const options = { assigneeName: 'Ana', until: 'Monday 9:00' };

describe('what a triage notice says', () => {
  const cases: [TriageChange, number, string, string][] = [
    [{ kind: 'status', status: 'done' }, 1, 'Conversation marked done', 'Conversation marquée comme traitée'],
    [{ kind: 'status', status: 'done' }, 3, '3 conversations marked done', '3 conversations marquées comme traitées'],
    [{ kind: 'status', status: 'open' }, 2, '2 conversations reopened', '2 conversations rouvertes'],
    [{ kind: 'status', status: 'snoozed', snoozeUntil: 1 }, 3, '3 conversations snoozed until Monday 9:00', '3 conversations en attente jusqu’au Monday 9:00'],
    [{ kind: 'status', status: 'spam' }, 1, 'Conversation marked as spam', 'Conversation marquée comme pourriel'],
    [{ kind: 'read', read: false }, 4, '4 conversations marked unread', '4 conversations marquées comme non lues'],
    [{ kind: 'urgent', isUrgent: false, at: 0 }, 1, 'Conversation no longer urgent', 'Conversation marquée comme non urgente'],
    [{ kind: 'tag', add: ['vip'] }, 3, 'Tag #vip added to 3 conversations', 'Étiquette #vip ajoutée à 3 conversations'],
    [{ kind: 'tag', add: [], remove: ['vip'] }, 1, 'Tag #vip removed from the conversation', 'Étiquette #vip retirée de la conversation'],
    [{ kind: 'assign', assigneeId: 'ana' }, 2, '2 conversations assigned to Ana', '2 conversations assignées à Ana'],
  ];

  it.each(cases)('%o on %i: names what happened and how many, plural-correct in both languages', (change, count, inEnglish, inFrench) => {
    expect(triageNotice(change, count, english.t, options)).toBe(inEnglish);
    expect(triageNotice(change, count, french.t, options)).toBe(inFrench);
  });

  it('says "unassigned" when the assignee is nobody', () => {
    expect(triageNotice({ kind: 'assign', assigneeId: null }, 1, french.t, { ...options, assigneeName: null })).toBe('Conversation désassignée');
  });
});

describe('what an undo says it took back', () => {
  const cases: [TriageChange, number, string, string][] = [
    [{ kind: 'assign', assigneeId: 'ana' }, 1, 'Assignment undone', 'Assignation annulée'],
    [{ kind: 'assign', assigneeId: 'ana' }, 3, 'Assignment of 3 conversations undone', 'Assignation de 3 conversations annulée'],
    [{ kind: 'assign', assigneeId: null }, 1, 'Unassignment undone', 'Désassignation annulée'],
    [{ kind: 'status', status: 'done' }, 1, 'Marking as done undone', 'Marquage comme traitée annulé'],
    [{ kind: 'status', status: 'done' }, 2, 'Marking 2 conversations as done undone', 'Marquage de 2 conversations comme traitées annulé'],
    [{ kind: 'status', status: 'snoozed', snoozeUntil: 1 }, 1, 'Snooze undone', 'Mise en attente annulée'],
    [{ kind: 'read', read: true }, 1, 'Marking as read undone', 'Marquage comme lue annulé'],
    [{ kind: 'urgent', isUrgent: false, at: 0 }, 4, 'Urgency removal on 4 conversations undone', 'Retrait de l’urgence de 4 conversations annulé'],
    [{ kind: 'tag', add: ['vip'] }, 1, 'Tagging undone', 'Ajout d’étiquette annulé'],
  ];

  it.each(cases)('%o on %i: names the kind of action, plural-correct in both languages', (change, count, inEnglish, inFrench) => {
    expect(undoneNotice(change, count, english.t)).toBe(inEnglish);
    expect(undoneNotice(change, count, french.t)).toBe(inFrench);
  });
});
