import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityLine } from '../../../shared/domain/entities';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { automaticSendHistoryText } from './automaticSendHistory';

const t: Record<'en' | 'fr', TFunction> = {} as Record<'en' | 'fr', TFunction>;
beforeAll(async () => {
  for (const language of ['en', 'fr'] as const) {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: language, resources: { [language]: { translation: language === 'en' ? en : fr } }, interpolation: { escapeValue: false } });
    t[language] = i18n.t;
  }
});

const line = (action: string, actor: string, data: Record<string, unknown>): ActivityLine => ({ at: 0, actor, action, data });

describe('the history of automatic sends', () => {
  it('names the rule, the reason a reply was not sent, and a held send released or cancelled, in both languages', () => {
    const skipped = line('conversation.ruleReplySkipped', 'rule:r1', { rule: 'Accusé', reason: 'hostile', detail: 'Not sent: …' });
    expect(automaticSendHistoryText(skipped, t.en)).toBe('Rule “Accusé”: no reply sent, the message is hostile');
    expect(automaticSendHistoryText(skipped, t.fr)).toBe('Règle « Accusé » : aucune réponse envoyée, le message est hostile');
    expect(automaticSendHistoryText(line('conversation.heldSendReleased', 'me', { heldFor: ['Verglas'] }), t.en)).toBe('Automatic reply sent anyway despite the sensitive topic “Verglas”');
    expect(automaticSendHistoryText(line('conversation.replied', 'rule:r1', { rule: 'Accusé' }), t.en)).toBe('Rule “Accusé”: reply sent');
    expect(automaticSendHistoryText(line('message.hidden', 'rule:r2', { rule: 'Liens', author: 'Bob' }), t.en)).toMatch(/Bob.*\(rule “Liens”\)$/u);
  });

  it('leaves a person’s lines to the others', () => {
    expect(automaticSendHistoryText(line('conversation.replied', 'me', {}), t.en)).toBeNull();
    expect(automaticSendHistoryText(line('message.hidden', 'me', { author: 'Bob' }), t.en)).toBeNull();
  });
});
