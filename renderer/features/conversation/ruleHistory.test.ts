import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TeamMember } from '../../../shared/api/team';
import type { ActivityLine } from '../../../shared/domain/entities';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { ruleHistoryText } from './ruleHistory';

async function translator(language: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: language, resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false } });
  return i18n.t;
}
const people = [{ id: 'p-me', isMe: true, name: 'Moi' }, { id: 'p-ana', isMe: false, name: 'Ana' }] as TeamMember[];
const line = (action: string, data: Record<string, unknown>, actor = 'rule:r1'): ActivityLine => ({ at: 0, actor, action, data: { rule: 'Remboursements', ...data } });
const LINES = [
  line('conversation.tags', { add: ['billing'], remove: [] }),
  line('conversation.tags', { add: [], remove: ['vip'] }),
  line('conversation.priority', { priority: 'high' }),
  line('conversation.assigned', { assigneeId: 'p-ana' }),
  line('conversation.assigned', { assigneeId: 'p-me' }),
  line('conversation.status', { status: 'snoozed', snoozeUntil: 90 }),
  line('conversation.status', { status: 'done', snoozeUntil: null }),
  line('conversation.status', { status: 'spam', snoozeUntil: null }),
  line('conversation.urgent', { reason: 'rule: Remboursements' }),
  line('conversation.note', {}),
  line('conversation.notified', { personId: 'gone', deliverAfter: 0 }),
];

describe('history lines a rule leaves', () => {
  it('say what the rule did and name it, in English and in French', async () => {
    const at = (time: number) => `at ${time}`;
    const english = await translator('en');
    expect(LINES.map((l) => ruleHistoryText(l, english, people, at))).toEqual([
      'Tagged billing by the rule “Remboursements”',
      'Tag vip removed by the rule “Remboursements”',
      'Priority set to high by the rule “Remboursements”',
      'Assigned to Ana by the rule “Remboursements”',
      'Assigned to you by the rule “Remboursements”',
      'Snoozed until at 90 by the rule “Remboursements”',
      'Closed by the rule “Remboursements”',
      'Moved to Spam by the rule “Remboursements”',
      'Marked urgent by the rule “Remboursements”',
      'Note added by the rule “Remboursements”',
      'Notice sent to a former teammate by the rule “Remboursements”',
    ]);
    const french = await translator('fr');
    expect(LINES.map((l) => ruleHistoryText(l, french, people, at)?.replace(/\u00a0/gu, ' '))).toEqual([
      'Étiquette billing ajoutée par la règle « Remboursements »',
      'Étiquette vip retirée par la règle « Remboursements »',
      'Priorité mise à haute par la règle « Remboursements »',
      'Assignée à Ana par la règle « Remboursements »',
      'Assignée à vous par la règle « Remboursements »',
      'Mise en attente jusqu’au at 90 par la règle « Remboursements »',
      'Marquée traitée par la règle « Remboursements »',
      'Envoyée aux pourriels par la règle « Remboursements »',
      'Marquée urgente par la règle « Remboursements »',
      'Note ajoutée par la règle « Remboursements »',
      'Avis envoyé à un ancien coéquipier par la règle « Remboursements »',
    ]);
  });

  it('leave lines by people and other automations to their own renderers', async () => {
    const english = await translator('en');
    expect(ruleHistoryText(line('conversation.tags', { add: ['x'], remove: [] }, 'me'), english, people, String)).toBeNull();
    expect(ruleHistoryText({ at: 0, actor: 'rule:crisis-keywords', action: 'conversation.urgent', data: { reason: 'keyword: hôpital' } }, english, people, String)).toBeNull();
  });
});
