import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { useRuleActionFixture } from '../testing/ruleActionFixture';
import { nextDueAt } from '../outbox/outboxStore';
import { replyAction } from '../rules/actions/replyAction';

const fx = useRuleActionFixture();
const ZONE = 'America/Toronto';
/** The calendar day `days` from today in my zone (the workspace's). */
const day = (days: number) => Temporal.Instant.fromEpochMilliseconds(fx.core.now.value).toZonedDateTimeISO(ZONE).toPlainDate().add({ days }).toString();
const floods = () => ({ name: 'Inondations', words: ['inond*', 'sinistrés', 'flood'], startsOn: day(-1), endsOn: day(1) });

const myZone = () => fx.core.call('duty.setSchedule', { schedule: { timeZone: ZONE, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } } });

describe('sensitive topics', () => {
  it('are kept with their days and are active from their first to their last day in the workspace’s zone', async () => {
    await myZone();
    const saved = await fx.core.call('sensitiveTopics.save', { topic: floods() });
    expect(saved).toMatchObject({ name: 'Inondations', words: ['inond*', 'sinistrés', 'flood'], isActive: true });
    await fx.core.call('sensitiveTopics.save', { topic: { name: 'Élections', words: ['vote'], startsOn: day(2), endsOn: null } });
    await fx.core.call('sensitiveTopics.save', { topic: { name: 'Hier', words: ['hier'], startsOn: day(-3), endsOn: day(-1) } });
    expect((await fx.core.call('sensitiveTopics.list', {})).map((topic) => [topic.name, topic.isActive])).toEqual([
      ['Hier', false],
      ['Inondations', true],
      ['Élections', false],
    ]);
    const edited = await fx.core.call('sensitiveTopics.save', { id: saved.id, topic: { ...floods(), endsOn: day(-1) } });
    expect(edited.isActive).toBe(false);
    expect(await fx.core.call('sensitiveTopics.delete', { id: saved.id })).toEqual({ isDeleted: true });
    expect(await fx.core.call('sensitiveTopics.delete', { id: saved.id })).toEqual({ isDeleted: false });
  });

  it('count days in my schedule’s zone: late evening in Toronto is not yet the next day', async () => {
    await myZone();
    fx.core.now.value = Temporal.ZonedDateTime.from('2026-11-02T22:30[America/Toronto]').epochMilliseconds;
    const topic = await fx.core.call('sensitiveTopics.save', { topic: { ...floods(), startsOn: '2026-11-03', endsOn: null } });
    expect(topic.isActive).toBe(false);
    fx.core.now.value += 2 * 3_600_000;
    expect((await fx.core.call('sensitiveTopics.list', {}))[0]?.isActive).toBe(true);
  });

  it('refuse an end before the start, naming the field', async () => {
    const result = await fx.core.client.call('sensitiveTopics.save', { topic: { ...floods(), endsOn: day(-5) } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'topic.endsOn' }] } });
  });

  it('say which active topic a text touches and by which word: whole words, prefixes, accents and case ignored', async () => {
    await myZone();
    await fx.core.call('sensitiveTopics.save', { topic: floods() });
    await fx.core.call('sensitiveTopics.save', { topic: { name: 'Plus tard', words: ['café'], startsOn: day(3), endsOn: null } });
    const check = (text: string) => fx.core.call('sensitiveTopics.check', { text });
    expect((await check('Nos pensées aux SINISTRES de la Beauce')).touches).toEqual([expect.objectContaining({ name: 'Inondations', word: 'sinistrés' })]);
    expect((await check('Après l’inondation, on rouvre!')).touches).toEqual([expect.objectContaining({ word: 'inond*' })]);
    expect(await check('Notre café floodlight est là')).toEqual({ touches: [], active: [expect.objectContaining({ name: 'Inondations' })] });
  });

  it('hold every automatic send while one is active; Send anyway lets it go, on the record', async () => {
    await myZone();
    const connector = fx.connect();
    const template = await fx.core.call('templates.save', { name: 'Accusé', shortcut: 'accuse', variants: [{ language: 'fr', body: 'Bien reçu, merci!' }] });
    await fx.core.call('sensitiveTopics.save', { topic: floods() });
    const rule = fx.addRule();
    const planned = fx.run(replyAction, rule, fx.arrives(), { type: 'reply', templateId: template.id, oncePerConversation: true });
    expect(planned).toMatchObject({ outcome: 'apply', detail: 'Waits for a person’s OK: sensitive topic « Inondations » is active.' });
    await fx.core.outbox.drain();
    expect(connector.posted).toEqual([]);
    // Nothing due for the worker to wake up for: it sleeps until a person answers.
    expect(nextDueAt(fx.core.context.db, [fx.accountId])).toBeNull();
    const [held] = await fx.core.call('outbox.list', { scope: 'pending' });
    expect(held).toMatchObject({ state: 'queued', heldFor: ['Inondations'], ruleName: 'Accusé de réception' });
    expect(await fx.core.call('outbox.releaseHeld', { id: held?.id ?? '' })).toEqual({ isReleased: true });
    expect(await fx.core.call('outbox.releaseHeld', { id: held?.id ?? '' })).toEqual({ isReleased: false });
    await fx.core.outbox.drain();
    expect(connector.posted.map((request) => request.text)).toEqual(['Bien reçu, merci!']);
    expect(fx.history('dm-marie').map((line) => [line.actor, line.action])).toContainEqual(['me', 'conversation.heldSendReleased']);
  });

  it('a held send cancelled is on the record too, and never goes', async () => {
    await myZone();
    const connector = fx.connect();
    const template = await fx.core.call('templates.save', { name: 'Accusé', shortcut: 'accuse', variants: [{ language: 'fr', body: 'Bien reçu!' }] });
    await fx.core.call('sensitiveTopics.save', { topic: floods() });
    fx.run(replyAction, fx.addRule(), fx.arrives(), { type: 'reply', templateId: template.id, oncePerConversation: true });
    const [held] = await fx.core.call('outbox.list', { scope: 'pending' });
    await fx.core.call('outbox.cancel', { id: held?.id ?? '' });
    await fx.core.outbox.drain();
    expect(connector.posted).toEqual([]);
    expect(fx.history('dm-marie').map((line) => line.action)).toContain('conversation.heldSendCancelled');
  });
});
