import { describe, expect, it } from 'vitest';
import { useRuleActionFixture } from '../../testing/ruleActionFixture';
import { deleteAction, hideAction } from './moderationAction';

const fx = useRuleActionFixture();
const comment = { kind: 'comment', thread: 'post-thread', post: { externalId: 'post-1', text: 'Notre nouveau café!' }, text: 'Abonnés pas chers: https://spam.example' } as const;
const flags = (seq: number) => fx.core.context.db.prepare<[number], { is_hidden: number; is_deleted: number }>('SELECT is_hidden, is_deleted FROM messages WHERE seq = ?').get(seq);

describe('a rule’s hide and delete', () => {
  it('hide the triggering comment through the outbox at once; its effect lands when the platform took it, named after the rule', async () => {
    const connector = fx.connect();
    const rule = fx.addRule('Liens de nouveaux comptes');
    const message = fx.arrives(comment);
    expect(fx.run(hideAction, rule, message, { type: 'hide' })).toEqual({ action: { type: 'hide' }, outcome: 'apply' });
    expect(fx.outboxRows()).toEqual([expect.objectContaining({ kind: 'moderation', state: 'queued', rule_seq: rule.seq, not_before: fx.core.now.value })]);
    expect(flags(message)?.is_hidden).toBe(0);
    await fx.core.outbox.drain();
    expect(connector.moderated).toMatchObject([{ action: 'hide', messageExternalId: `msg-1` }]);
    expect(flags(message)?.is_hidden).toBe(1);
    // The built-in spam rule takes this one too (its own line): only this rule's are looked at here.
    expect(fx.history('post-thread').filter((line) => line.actor === `rule:${rule.id}`)).toEqual([{ actor: `rule:${rule.id}`, action: 'message.hidden', reason: null, rule: 'Liens de nouveaux comptes' }]);
    const [item] = await fx.core.call('outbox.list', { scope: 'all' });
    expect(item).toMatchObject({ kind: 'moderation', ruleName: 'Liens de nouveaux comptes', moderation: { action: 'hide' } });
    // Already hidden: nothing more to ask.
    expect(fx.run(hideAction, rule, message, { type: 'hide' })).toMatchObject({ outcome: 'skip', detail: 'Nothing to do: the message is already hidden.' });
  });

  it('delete it the same way, once', async () => {
    const connector = fx.connect();
    const rule = fx.addRule();
    const message = fx.arrives(comment);
    fx.run(deleteAction, rule, message, { type: 'delete' });
    fx.run(deleteAction, rule, message, { type: 'delete' });
    await fx.core.outbox.drain();
    expect(connector.moderated.map((request) => request.action)).toEqual(['delete']);
    expect(flags(message)?.is_deleted).toBe(1);
  });

  it('are skipped with the reason where the platform cannot: a DM, an action its API lacks, an account not connected', () => {
    const rule = fx.addRule();
    const dm = fx.arrives();
    const onPost = fx.arrives(comment);
    expect(fx.run(hideAction, rule, onPost, { type: 'hide' })).toMatchObject({ outcome: 'skip', detail: 'The Facebook account is not connected: Pieuvre cannot tell what it allows.' });
    // As Bluesky: an account deletes only its own posts, and hides no one's reply.
    fx.connect({ moderation: ['delete_own', 'mute_author', 'block_author', 'report'] });
    expect(fx.run(hideAction, rule, onPost, { type: 'hide' })).toMatchObject({ outcome: 'skip', detail: expect.stringMatching(/^Facebook cannot hide a message \(its API allows: /) });
    expect(fx.run(deleteAction, rule, onPost, { type: 'delete' })).toMatchObject({ outcome: 'skip' });
    fx.connect();
    expect(fx.run(hideAction, rule, dm, { type: 'hide' })).toMatchObject({ outcome: 'skip', detail: 'Facebook can hide a message only in public comments, not in a direct message.' });
    expect(fx.outboxRows()).toEqual([]);
  });

  it('as a dry run queue nothing', () => {
    fx.connect();
    const rule = fx.addRule();
    expect(fx.run(hideAction, rule, fx.arrives(comment), { type: 'hide' }, { isDryRun: true })).toMatchObject({ outcome: 'apply' });
    expect(fx.outboxRows()).toEqual([]);
  });
});
