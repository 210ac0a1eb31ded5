import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closedSinceAnHour, facebookId } from './awayReplySetup';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();

const row = (page: Page, id: string) => page.locator(`#conversation-${id}`);
const composer = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });
const draftInCore = (inbox: InboxPage, conversationId: string) => inbox.harness.call('drafts.get', { conversationId }).then((draft) => draft?.text ?? null);

/** Whether the person sees it: inside the conversation pane, above the reply box that stays at its bottom. */
const isInView = (locator: Locator) =>
  locator.evaluate((element) => {
    const pane = element.closest('.conversation-pane')?.getBoundingClientRect();
    const box = element.closest('.conversation-pane')?.querySelector('.composer')?.getBoundingClientRect();
    const shown = element.getBoundingClientRect();
    return pane !== undefined && box !== undefined && shown.top >= pane.top && shown.bottom <= box.top + 1;
  });

/** Clicks a row and waits for its conversation's reply box, as a person opening it would. */
async function openRow(page: Page, id: string, label: string) {
  await row(page, id).click();
  await page.locator(`#conversation-pane[aria-label]`).waitFor();
  await composer(page, label).waitFor();
}

describe('drafts in Chromium', () => {
  it('keeps what I wrote through switching, a reload and a restart, marks the row, and lets go once sent or cleared', async () => {
    const inbox = await chromium.open('en-CA', { beforeLoad: (harness) => harness.call('outbox.setUndoDelay', { undoSendMs: 0 }) });
    const { page } = inbox;
    const [a = '', b = ''] = await Promise.all([0, 1].map(async (n) => ((await inbox.options.nth(n).getAttribute('id')) ?? '').replace(/^conversation-/, '')));
    await openRow(page, a, 'Reply');
    await composer(page, 'Reply').click();
    await page.keyboard.type('Bonjour! Je vérifie votre commande');

    await openRow(page, b, 'Reply');
    expect(await composer(page, 'Reply').inputValue()).toBe('');
    await row(page, a).getByText('Draft', { exact: true }).waitFor();
    expect(await row(page, a).getAttribute('aria-label')).toMatch(/, Draft$/);
    expect(await row(page, b).locator('.chip.draft').count()).toBe(0);
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, `drafts/row-draft-en-1000`);

    await openRow(page, a, 'Reply');
    await expect.poll(() => composer(page, 'Reply').inputValue()).toBe('Bonjour! Je vérifie votre commande');
    // Typed and gone at once, before the pause that saves: leaving the page keeps it.
    await composer(page, 'Reply').press('End');
    await page.keyboard.type(' et je vous reviens.');
    await page.reload();
    await inbox.options.first().waitFor();
    await openRow(page, a, 'Reply');
    await expect.poll(() => composer(page, 'Reply').inputValue()).toBe('Bonjour! Je vérifie votre commande et je vous reviens.');

    await inbox.restartCore(inject('rendererDir'));
    await row(page, a).getByText('Draft', { exact: true }).waitFor();
    await openRow(page, a, 'Reply');
    await expect.poll(() => composer(page, 'Reply').inputValue()).toBe('Bonjour! Je vérifie votre commande et je vous reviens.');

    await composer(page, 'Reply').press('Control+Enter');
    await expect.poll(() => composer(page, 'Reply').inputValue()).toBe('');
    await row(page, a).locator('.chip.draft').waitFor({ state: 'detached' });
    expect(await draftInCore(inbox, a)).toBeNull();
    expect((await inbox.harness.call('outbox.list', { scope: 'all', conversationId: a })).map((item) => item.text)).toEqual(['Bonjour! Je vérifie votre commande et je vous reviens.']);

    await openRow(page, b, 'Reply');
    await composer(page, 'Reply').click();
    await page.keyboard.type('Un instant');
    await row(page, b).getByText('Draft', { exact: true }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await row(page, b).locator('.chip.draft').waitFor({ state: 'detached' });
    expect(await draftInCore(inbox, b)).toBeNull();
  });

  it('says « Brouillon » on the row in French, and an undone send is a draft again', async () => {
    const inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    const a = ((await inbox.options.first().getAttribute('id')) ?? '').replace(/^conversation-/, '');
    await openRow(page, a, 'Répondre');
    await composer(page, 'Répondre').click();
    await page.keyboard.type('Bonjour! On regarde ça.');
    await composer(page, 'Répondre').blur();
    await row(page, a).getByText('Brouillon', { exact: true }).waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, `drafts/row-draft-fr-1920`);

    await composer(page, 'Répondre').press('Control+Enter');
    await row(page, a).locator('.chip.draft').waitFor({ state: 'detached' });
    await page.locator('.toast').getByRole('button', { name: 'Annuler l’envoi' }).click();
    await expect.poll(() => composer(page, 'Répondre').inputValue()).toBe('Bonjour! On regarde ça.');
    await row(page, a).getByText('Brouillon', { exact: true }).waitFor();
    expect(await draftInCore(inbox, a)).toBe('Bonjour! On regarde ça.');

    await inbox.sidebarView('Brouillons').click();
    await expect.poll(() => inbox.options.count()).toBe(1);
    expect(await inbox.options.first().getAttribute('id')).toBe(`conversation-${a}`);
    expect(await inbox.sidebarView('Brouillons').textContent()).toMatch(/1$/);
    await screenshot(page, `drafts/drafts-view-fr-1920`);
  });
});

describe('a reply reaching the conversation while I write, in Chromium', () => {
  it('from another window: said above the box with the reply in view, Send asks once, Escape keeps my text', async () => {
    const inbox = await chromium.open('en-CA');
    const { page } = inbox;
    const a = ((await inbox.options.first().getAttribute('id')) ?? '').replace(/^conversation-/, '');
    await openRow(page, a, 'Reply');
    await composer(page, 'Reply').click();
    await page.keyboard.type('Sorry for the wait! Your order');

    const other = await page.context().newPage();
    await other.goto(inbox.harness.url);
    await openRow(other, a, 'Reply');
    await composer(other, 'Reply').click();
    await other.keyboard.press('Control+a');
    await other.keyboard.type('We are on it, thanks for your patience.');
    await other.keyboard.press('Control+Enter');
    await expect.poll(() => composer(other, 'Reply').inputValue()).toBe('');

    const notice = page.getByRole('status').filter({ hasText: 'A reply was just sent here — read it before sending.' });
    await notice.waitFor();
    const theirs = page.getByRole('region', { name: 'Replies not sent yet' }).getByText('We are on it, thanks for your patience.');
    await theirs.waitFor();
    await expect.poll(() => isInView(theirs)).toBe(true);
    // Their send took the conversation's draft with it: mine, still in my box, is kept again.
    await row(page, a).getByText('Draft', { exact: true }).waitFor();
    expect(await draftInCore(inbox, a)).toBe('Sorry for the wait! Your order');
    await screenshot(page, `drafts/reply-arrived-en`);

    await composer(page, 'Reply').press('Control+Enter');
    const question = page.getByRole('alertdialog', { name: 'Send anyway?' });
    await question.waitFor();
    expect(await inbox.hasFocus(question.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await screenshot(page, `drafts/send-anyway-en`);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await inbox.hasFocus(composer(page, 'Reply'))).toBe(true);
    expect(await composer(page, 'Reply').inputValue()).toBe('Sorry for the wait! Your order');
    expect(await notice.count()).toBe(0);

    // Asked once for that reply: Send now sends.
    await page.keyboard.type(' ships today.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => composer(page, 'Reply').inputValue()).toBe('');
    expect(await question.count()).toBe(0);
    const texts = (await inbox.harness.call('outbox.list', { scope: 'all', conversationId: a })).map((item) => item.text);
    expect(texts.sort()).toEqual(['Sorry for the wait! Your order ships today.', 'We are on it, thanks for your patience.']);
  });

  it('an automatic away reply, in French: said, asked, and « Envoyer » sends', async () => {
    const inbox = await chromium.open('fr-CA', { beforeLoad: closedSinceAnHour });
    const { page, harness } = inbox;
    const marie = { externalId: 'marie-eve', handle: '@marieeve', name: 'Marie-Ève Tremblay' };
    const dm = (externalId: string, text: string) =>
      harness.core.context.ingest({
        accountId: facebookId(harness),
        source: 'e2e',
        items: [{ platform: 'facebook', kind: 'dm', externalId, threadExternalId: 'draft-thread', author: marie, text, createdAt: Date.now() - 1_000, language: 'fr' }],
      });
    dm('dm-1', 'Bonjour! Ma commande est arrivée brisée.');
    await page.getByRole('option', { name: /Marie-Ève Tremblay/ }).click();
    await composer(page, 'Répondre').click();
    await page.keyboard.type('Oh non, désolée! Pouvez-vous');

    // Away replies turned on meanwhile (a teammate, in Settings), then her next message arrives.
    const absent = (await harness.call('templates.list', {})).find((template) => template.shortcut === 'absent');
    await harness.call('awayReplies.setSettings', { accountId: facebookId(harness), settings: { isEnabled: true, templateId: absent?.id ?? '', includesComments: false } });
    dm('dm-2', 'Allô? Quelqu’un?');
    await page.setViewportSize({ width: 1000, height: 700 });
    const away = page.locator('.message[data-direction="out"]').filter({ hasText: 'Marie-Ève' });
    await away.waitFor();
    await page.getByRole('status').filter({ hasText: 'Une réponse vient d’être envoyée ici — lisez-la avant d’envoyer.' }).waitFor();
    await expect.poll(() => isInView(away.locator('.message-author'))).toBe(true);
    await screenshot(page, `drafts/reply-arrived-fr-1000`);

    await composer(page, 'Répondre').press('Control+Enter');
    const question = page.getByRole('alertdialog', { name: 'Envoyer quand même?' });
    await question.waitFor();
    await screenshot(page, `drafts/send-anyway-fr-1000`);
    await page.keyboard.press('Tab');
    expect(await inbox.hasFocus(question.getByRole('button', { name: 'Envoyer' }))).toBe(true);
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    await expect.poll(() => composer(page, 'Répondre').inputValue()).toBe('');
    const conversationId = await inbox.selectedId();
    const sends = await harness.call('outbox.list', { scope: 'all', conversationId });
    expect(sends.map((item) => [item.kind, item.text.startsWith('Oh non')])).toEqual(expect.arrayContaining([['reply', true], ['away_reply', false]]));
  });
});
