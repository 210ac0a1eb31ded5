import { describe, expect, it } from 'vitest';
import type { ActivityLine } from '../../../shared/domain/entities';
import { useTranslations } from '../../i18n/testTranslations';
import { automaticSendHistoryText } from './automaticSendHistory';

const t = useTranslations();

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
