import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { localTime, MINUTE } from '../testing/localTime';
import { ScriptedConnector } from '../testing/scriptedConnector';
import { insertTaggingRule } from '../testing/taggingRule';

const fx = useCoreWithAccount();
const ZONE = 'America/Toronto';
const at = (isoDateTime: string) => localTime(ZONE, isoDateTime);
const nineToFive = [['09:00', '17:00']] as [string, string][];
const db = () => fx.core.context.db;
const idOf = (thread: string) => db().prepare<[string], { id: string }>('SELECT id FROM conversations WHERE thread_external_id = ?').get(thread)?.id ?? '';
const dueTimes = () => db().prepare<[], { due_at: number }>('SELECT due_at FROM rule_timers').all().map((row) => row.due_at);

describe('waits after sends from Pieuvre', () => {
  it('go on after an automatic away reply, and end with a person’s answer', async () => {
    const { core, accountId } = fx;
    await core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    const template = await core.call('templates.save', { name: 'Fermé', shortcut: 'ferme', variants: [{ language: 'fr', body: 'Nous sommes fermés; on vous répond demain matin.' }] });
    await core.call('accounts.setBusinessHours', { accountId, schedule: { timeZone: ZONE, weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] } } });
    await core.call('awayReplies.setSettings', { accountId, settings: { isEnabled: true, templateId: template.id, includesComments: false } });
    const connector = new ScriptedConnector([], { now: () => core.now.value });
    core.context.connectors.register(accountId, connector);
    insertTaggingRule(db(), { type: 'noReply', workingMinutes: 30 });

    // Monday 20:00: closed; the away reply goes out at once, the wait counts from Tuesday 09:00.
    core.now.value = at('2026-11-02T20:00') + MINUTE;
    fx.ingest([commentItem({ n: 1, kind: 'dm', post: null, thread: 'dm', author: { externalId: 'marie', handle: '@marie', name: 'Marie' }, text: 'Ma commande?', language: 'fr', createdAt: at('2026-11-02T20:00') })]);
    await core.outbox.drain();
    expect(connector.posted).toHaveLength(1);
    expect(dueTimes()).toEqual([at('2026-11-03T09:30')]);

    core.now.value = at('2026-11-03T09:10');
    await core.call('outbox.send', { conversationId: idOf('dm'), text: 'Elle part aujourd’hui!', idempotencyKey: 'reply-dm-1', when: { kind: 'now' } });
    await core.outbox.drain();
    expect(connector.posted).toHaveLength(2);
    expect(dueTimes()).toEqual([]);
  });
});
