import { describe, expect, it } from 'vitest';
import { HOSTILE_NAMES } from '../../../../shared/templates/hostileNames.fixture';
import { lastHumanReplyAt } from '../../awayReplies/awayReplyFacts';
import { useRuleActionFixture } from '../../testing/ruleActionFixture';
import { replyAction } from './replyAction';

const fx = useRuleActionFixture();
const DAY = 86_400_000;

async function setUp() {
  const connector = fx.connect();
  const template = await fx.core.call('templates.save', {
    name: 'Accusé',
    shortcut: 'accuse',
    variants: [
      { language: 'fr', body: 'Bonjour {{ contact.first_name | default: "à vous" }}, on a bien reçu votre message.' },
      { language: 'en', body: 'Hi {{ contact.first_name | default: "there" }}, we got your message.' },
    ],
  });
  const rule = fx.addRule();
  const reply = { type: 'reply', templateId: template.id, oncePerConversation: true } as const;
  return { connector, rule, reply };
}

const sentBy = async (thread: string) => (await fx.core.call('conversations.get', { id: fx.conversationOf(thread) })).messages.filter((m) => m.direction === 'out').map((m) => m.sentBy);

describe('a rule’s reply', () => {
  it('goes through the outbox at once, in the conversation’s language, sent by the rule (not a person, never HUMAN_AGENT), on the record', async () => {
    const { connector, rule, reply } = await setUp();
    const message = fx.arrives({ language: 'en' });
    expect(fx.run(replyAction, rule, message, reply)).toEqual({ action: reply, outcome: 'apply' });
    expect(fx.outboxRows()).toEqual([expect.objectContaining({ state: 'queued', kind: 'reply', rule_seq: rule.seq, held_reason: null, not_before: fx.core.now.value })]);
    await fx.core.outbox.drain();
    expect(connector.posted).toMatchObject([{ kind: 'dm', text: 'Hi Marie-Ève, we got your message.', messagingTag: null }]);
    expect(await sentBy('dm-marie')).toEqual([{ kind: 'rule', ruleName: 'Accusé de réception' }]);
    // Not a person's answer: away replies and "someone answered" checks look past it.
    expect(lastHumanReplyAt(fx.core.context.db, fx.conversationOf('dm-marie'))).toBeNull();
    expect(fx.history('dm-marie').filter((line) => line.action.startsWith('conversation.'))).toEqual([
      { actor: `rule:${rule.id}`, action: 'conversation.ruleReplyQueued', reason: null, rule: 'Accusé de réception' },
      { actor: `rule:${rule.id}`, action: 'conversation.replied', reason: null, rule: null },
    ]);
  });

  it('never answers a conversation marked spam, nor a hostile message, and says so once', async () => {
    const { connector, rule, reply } = await setUp();
    const troll = fx.arrives({ thread: 'dm-troll' });
    fx.core.context.db.prepare('UPDATE messages SET hostility = 0.9 WHERE seq = ?').run(troll);
    expect(fx.run(replyAction, rule, troll, reply)).toMatchObject({ outcome: 'skip', detail: expect.stringMatching(/hostile/) });
    expect(fx.run(replyAction, rule, troll, reply)).toMatchObject({ outcome: 'skip' });
    const spam = fx.arrives({ thread: 'dm-spam' });
    await fx.core.call('conversations.setStatus', { ids: [fx.conversationOf('dm-spam')], status: 'spam' });
    expect(fx.run(replyAction, rule, spam, reply)).toMatchObject({ outcome: 'skip', detail: 'Not sent: the conversation is marked as spam.' });
    await fx.core.outbox.drain();
    expect(connector.posted).toEqual([]);
    expect(fx.outboxRows()).toEqual([]);
    expect(fx.history('dm-troll')).toEqual([{ actor: `rule:${rule.id}`, action: 'conversation.ruleReplySkipped', reason: 'hostile', rule: 'Accusé de réception' }]);
    expect(fx.history('dm-spam').filter((line) => line.action === 'conversation.ruleReplySkipped')).toEqual([expect.objectContaining({ reason: 'spam' })]);
  });

  it('never answers what scores above the spam rule’s threshold', async () => {
    const { rule, reply } = await setUp();
    // The built-in spam rule (migration 20) says spam above 0.7.
    const message = fx.arrives();
    expect(fx.run(replyAction, rule, message, reply, { spamScore: 0.8 })).toMatchObject({ outcome: 'skip', detail: 'Not sent: the message scores as spam.' });
    expect(fx.run(replyAction, rule, message, reply, { spamScore: 0.6 })).toMatchObject({ outcome: 'apply' });
  });

  it('answers once per conversation by default; told otherwise, once per message, and a replay never doubles it', async () => {
    const { connector, rule, reply } = await setUp();
    expect(fx.run(replyAction, rule, fx.arrives(), reply).outcome).toBe('apply');
    expect(fx.run(replyAction, rule, fx.arrives(), reply)).toMatchObject({ outcome: 'skip', detail: 'Not sent: this rule already replied once in this conversation.' });
    const everyTime = { ...reply, oncePerConversation: false };
    await fx.core.outbox.drain();
    const third = fx.arrives({ thread: 'dm-other' });
    expect(fx.run(replyAction, rule, third, everyTime).outcome).toBe('apply');
    expect(fx.run(replyAction, rule, third, everyTime)).toMatchObject({ outcome: 'skip', detail: 'Not sent again: this rule already queued this reply.' });
    await fx.core.outbox.drain();
    expect(fx.run(replyAction, rule, fx.arrives({ thread: 'dm-other' }), everyTime).outcome).toBe('apply');
    await fx.core.outbox.drain();
    expect(connector.posted.map((request) => request.threadExternalId)).toEqual(['dm-marie', 'dm-other', 'dm-other']);
  });

  it('never repeats a stranger’s name that carries a link or a mention', async () => {
    const { connector, rule, reply } = await setUp();
    for (const [index, { name }] of HOSTILE_NAMES.entries()) {
      const message = fx.arrives({ thread: `dm-hostile-${index}`, author: { externalId: `stranger-${index}`, handle: name, name }, language: 'en', text: 'Hello?' });
      expect(fx.run(replyAction, rule, message, reply).outcome).toBe('apply');
    }
    await fx.core.outbox.drain();
    expect(connector.posted.map((request) => request.text)).toEqual(HOSTILE_NAMES.map(() => 'Hi there, we got your message.'));
  });

  it('is skipped with the platform’s reason when the platform would refuse it (a DM window closed for automations)', async () => {
    const { connector, rule, reply } = await setUp();
    fx.core.now.value += 2 * DAY;
    const late = fx.arrives({ createdAt: fx.core.now.value - 2 * DAY });
    expect(fx.run(replyAction, rule, late, reply)).toMatchObject({ outcome: 'skip', detail: expect.stringMatching(/^Not sent: the platform would refuse it\. The platform's reply window/) });
    await fx.core.outbox.drain();
    expect(connector.posted).toEqual([]);
  });

  it('is cancelled at send time, with its reason, when someone answered by hand or the conversation became spam meanwhile', async () => {
    const { rule, reply } = await setUp();
    // Queued while the account is offline: it waits.
    fx.core.context.connectors.unregister(fx.accountId);
    fx.run(replyAction, rule, fx.arrives(), reply);
    fx.run(replyAction, rule, fx.arrives({ thread: 'dm-spam' }), reply);
    await fx.core.call('outbox.setUndoDelay', { undoSendMs: 0 });
    await fx.core.call('outbox.send', { conversationId: fx.conversationOf('dm-marie'), text: 'Bonjour! Je regarde ça.', idempotencyKey: 'person-reply-1', when: { kind: 'now' } });
    await fx.core.call('conversations.setStatus', { ids: [fx.conversationOf('dm-spam')], status: 'spam' });
    const connector = fx.connect();
    await fx.core.outbox.drain();
    expect(connector.posted.map((request) => request.text)).toEqual(['Bonjour! Je regarde ça.']);
    expect(fx.outboxRows().map((row) => [row.state, row.last_error])).toEqual([
      ['cancelled', 'Not sent: someone answered this conversation by hand.'],
      ['cancelled', 'Not sent: the conversation is marked as spam.'],
      ['sent', null],
    ]);
    expect(fx.history('dm-marie').filter((line) => line.action === 'conversation.ruleReplySkipped')).toEqual([expect.objectContaining({ reason: 'teammateReplied' })]);
  });

  it('as a dry run writes nothing and says what it would do, with the same checks', async () => {
    const { rule, reply } = await setUp();
    const message = fx.arrives();
    const tables = () => fx.core.context.db.prepare<[], { n: number }>('SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM rule_fires) + (SELECT count(*) FROM activity) AS n').get()?.n;
    const before = tables();
    expect(fx.run(replyAction, rule, message, reply, { isDryRun: true })).toEqual({ action: reply, outcome: 'apply' });
    fx.core.context.db.prepare('UPDATE messages SET hostility = 0.9 WHERE seq = ?').run(message);
    expect(fx.run(replyAction, rule, message, reply, { isDryRun: true })).toMatchObject({ outcome: 'skip', detail: expect.stringMatching(/hostile/) });
    expect(tables()).toBe(before);
  });
});
