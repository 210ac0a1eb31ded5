import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PresenceActivity } from '../../shared/api/hub';
import { insertReply } from '../../electron/core/outbox/outboxStore';
import type { PresenceStandIn } from '../harness/presenceStandIn';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();

const row = (page: Page, id: string) => page.locator(`#conversation-${id}`);
const composer = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });
const firstId = async (inbox: InboxPage) => ((await inbox.options.first().getAttribute('id')) ?? '').replace(/^conversation-/, '');
/** The conversation of the message just received: the first row once the list shows it. */
const newestId = async (inbox: InboxPage) => {
  await inbox.page.getByRole('option', { name: /^Nadia/ }).first().waitFor();
  return firstId(inbox);
};
const standInOf = (inbox: InboxPage): PresenceStandIn => {
  if (!inbox.harness.presence) throw new Error('Open the inbox with presence: true.');
  return inbox.harness.presence;
};
/** One teammate doing `activity` in a conversation, as the hub would report them. */
const teammate = (conversationId: string, name: string, activity: PresenceActivity) => [{ conversationId, people: [{ name, activity, since: Date.now() }] }];
const repliesQueued = (inbox: InboxPage, conversationId: string) =>
  inbox.harness.call('outbox.list', { scope: 'all', conversationId }).then((items) => items.map((item) => item.text));

async function openRow(page: Page, id: string, label: string) {
  await row(page, id).click();
  await composer(page, label).waitFor();
}

describe('teammates’ presence in Chromium', () => {
  it('shows a teammate viewing then writing on the row and above the box, says mine, and asks before sending over their reply', async () => {
    const inbox = await chromium.open('en-CA', { presence: true, beforeLoad: (harness) => harness.call('outbox.setUndoDelay', { undoSendMs: 0 }) });
    const { page } = inbox;
    const presence = standInOf(inbox);
    // A new conversation: the demo's teammates answered none of it (their replies would be asked about first).
    inbox.receiveDm('presence-dm-1', { externalId: 'presence-fan', handle: '@nadia', name: 'Nadia' }, 'My order is late.');
    const a = await newestId(inbox);

    presence.show(teammate(a, 'Julie Gagnon', 'viewing'));
    const badge = row(page, a).locator('.presence-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toBe('Julie Gagnon is viewing');
    expect(await badge.textContent()).toBe('JG');
    expect(await row(page, a).getAttribute('aria-label')).toMatch(/, Julie Gagnon is viewing$/);

    await openRow(page, a, 'Reply');
    await expect.poll(() => presence.announced.at(-1)).toEqual({ conversationId: a, activity: 'viewing' });
    presence.show(teammate(a, 'Julie Gagnon', 'writing'));
    await page.getByRole('status').filter({ hasText: 'Julie Gagnon is writing a reply…' }).waitFor();
    await expect.poll(() => badge.getAttribute('title')).toBe('Julie Gagnon is writing a reply');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'presence/writing-en-1000');

    await composer(page, 'Reply').click();
    await page.keyboard.type('Bonjour! Je regarde ça.');
    await expect.poll(() => presence.announced.at(-1), { timeout: 5_000 }).toEqual({ conversationId: a, activity: 'writing' });
    await composer(page, 'Reply').press('Control+Enter');
    const question = page.getByRole('alertdialog', { name: 'Send anyway?' });
    await question.waitFor();
    expect(await question.getByText('Julie Gagnon is writing a reply here right now.').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await screenshot(page, 'presence/collision-writing-en-1000');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await composer(page, 'Reply').inputValue()).toBe('Bonjour! Je regarde ça.');
    expect(await repliesQueued(inbox, a)).toEqual([]);

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await question.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => repliesQueued(inbox, a)).toEqual(['Bonjour! Je regarde ça.']);
    await expect.poll(() => composer(page, 'Reply').inputValue()).toBe('');

    // Julie left: nothing of her stays; I leave too, and say so.
    presence.show([]);
    await badge.waitFor({ state: 'detached' });
    expect(await page.getByText('Julie Gagnon is writing a reply…').count()).toBe(0);
    const b = ((await inbox.options.nth(1).getAttribute('id')) ?? '').replace(/^conversation-/, '');
    await openRow(page, b, 'Reply');
    await expect.poll(() => presence.announced.slice(-2)).toEqual([{ conversationId: a, activity: null }, { conversationId: b, activity: 'viewing' }]);
  });

  it('asks « Envoyer quand même? » when a teammate replied two minutes ago, and the keyboard answers it', async () => {
    const inbox = await chromium.open('fr-CA', { presence: true, beforeLoad: (harness) => harness.call('outbox.setUndoDelay', { undoSendMs: 0 }) });
    const { page, harness } = inbox;
    inbox.receiveDm('presence-dm-1', { externalId: 'presence-fan', handle: '@nadia', name: 'Nadia' }, 'Ma commande est en retard.');
    const a = await newestId(inbox);
    const marc = await harness.call('team.add', { name: 'Marc', schedule: null });
    const marcSeq = harness.core.context.db.prepare<[string], { seq: number }>('SELECT seq FROM people WHERE id = ?').get(marc.id)?.seq;
    const twoMinutesAgo = Date.now() - 2 * 60_000 - 5_000;
    // Scheduled for later, it stays queued: "replied" two minutes ago, when he queued it.
    insertReply(harness.core.context.db, { conversationId: a, text: 'Je m’en occupe.', idempotencyKey: 'marc-reply-1', notBefore: Date.now() + 3_600_000, scheduledFor: Date.now() + 3_600_000, now: twoMinutesAgo, queuedByPersonSeq: marcSeq });
    standInOf(inbox).show(teammate(a, 'Julie', 'viewing'));
    await expect.poll(() => row(page, a).locator('.presence-badge').getAttribute('title')).toBe('Julie consulte cette conversation');

    await openRow(page, a, 'Répondre');
    await composer(page, 'Répondre').click();
    await page.keyboard.type('Merci de votre patience!');
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    const question = page.getByRole('alertdialog', { name: 'Envoyer quand même?' });
    await question.waitFor();
    expect(await question.getByText('Marc a répondu il y a 2 minutes.').count()).toBe(1);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'presence/collision-replied-fr-1920');
    await question.getByRole('button', { name: 'Annuler' }).click();
    await question.waitFor({ state: 'detached' });
    // Back to my reply, kept as it was.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await composer(page, 'Répondre').inputValue()).toBe('Merci de votre patience!');
    expect(await repliesQueued(inbox, a)).toEqual(['Je m’en occupe.']);

    await composer(page, 'Répondre').press('Control+Enter');
    await question.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Envoyer quand même');
    await page.keyboard.press('Enter');
    await expect.poll(() => repliesQueued(inbox, a)).toEqual(expect.arrayContaining(['Je m’en occupe.', 'Merci de votre patience!']));
  });

  it('shows nothing and asks nothing in a local-only inbox', async () => {
    const inbox = await chromium.open('en-CA', { beforeLoad: (harness) => harness.call('outbox.setUndoDelay', { undoSendMs: 0 }) });
    const { page, harness } = inbox;
    const a = await firstId(inbox);
    const marc = await harness.call('team.add', { name: 'Marc', schedule: null });
    const marcSeq = harness.core.context.db.prepare<[string], { seq: number }>('SELECT seq FROM people WHERE id = ?').get(marc.id)?.seq;
    insertReply(harness.core.context.db, { conversationId: a, text: 'Je m’en occupe.', idempotencyKey: 'marc-reply-1', notBefore: Date.now() + 3_600_000, scheduledFor: Date.now() + 3_600_000, now: Date.now() - 60_000, queuedByPersonSeq: marcSeq });
    // Even pushed, a presence list is not shown here.
    harness.core.events.emit('hub.presence', teammate(a, 'Julie', 'writing'));
    await openRow(page, a, 'Reply');
    await composer(page, 'Reply').click();
    await page.keyboard.type('Thanks!');
    await composer(page, 'Reply').press('Control+Enter');
    await expect.poll(() => repliesQueued(inbox, a)).toEqual(expect.arrayContaining(['Thanks!']));
    expect(await page.locator('.presence-badge, .writing-notice, [role="alertdialog"]').count()).toBe(0);
  });
});
