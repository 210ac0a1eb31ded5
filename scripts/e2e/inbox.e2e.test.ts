import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listConversations } from '../../electron/core/store/conversationQueries';
import { answerLate } from './answerOnTheWire';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;

describe('the inbox in Chromium', () => {
  it('opens on the demo workspace, each row named by its author and snippet', async () => {
    inbox = await chromium.open();
    expect(await inbox.options.count()).toBeGreaterThan(5);
    const name = await inbox.options.first().getAttribute('aria-label');
    const newest = listConversations(inbox.harness.core.context.db, { status: 'open', limit: 1 }).items[0];
    expect(name).toContain(newest?.contact.name);
    expect(name).toContain(newest?.snippet);
    expect(name).toMatch(/ on (Facebook|Instagram|YouTube|X|Bluesky|Mastodon): ./);
    await inbox.page.getByRole('button', { name: /All open/ }).waitFor();
    mkdirSync('test-results', { recursive: true });
    await inbox.page.screenshot({ path: 'test-results/main-screen.png' });
  });

  it('j j e marks the focused conversation done, and it stays done after a reload', async () => {
    inbox = await chromium.open();
    await inbox.focusList();
    const firstId = await inbox.selectedId();
    await inbox.press('j', 'j');
    const target = await inbox.selectedId();
    expect(target).not.toBe(firstId);
    await inbox.press('e');
    await expect.poll(() => inbox?.page.locator(`#conversation-${target}`).count()).toBe(0);
    await expect.poll(() => inbox?.statusInCore(target)).toBe('done');
    await inbox.page.reload();
    await inbox.options.first().waitFor();
    expect(await inbox.page.locator(`#conversation-${target}`).count()).toBe(0);
    await inbox.page.getByRole('button', { name: /^Done/ }).click();
    await inbox.page.locator(`#conversation-${target}`).waitFor();
  });

  it('marks a conversation read when it is opened with a click, as Enter does', async () => {
    inbox = await chromium.open();
    const { page } = inbox;
    const unreadInSidebar = async () => Number((await page.getByRole('button', { name: /^Unread/ }).textContent())?.replace(/\D/g, ''));
    const before = await unreadInSidebar();
    const row = page.locator('[role="option"].is-unread').nth(2);
    const id = (await row.getAttribute('id'))?.replace('conversation-', '') ?? '';
    await row.click();
    await expect.poll(() => page.locator(`#conversation-${id}.is-unread`).count()).toBe(0);
    await expect.poll(unreadInSidebar).toBe(before - 1);
    // A second click on a read conversation changes nothing.
    await page.locator(`#conversation-${id}`).click();
    expect(await unreadInSidebar()).toBe(before - 1);
    await page.screenshot({ path: 'test-results/inbox-click-read.png' });
  });

  it('never fires a shortcut while the person types', async () => {
    inbox = await chromium.open();
    const before = await inbox.options.count();
    const focusedId = await inbox.selectedId();
    await inbox.page.locator('#search-box').click();
    await inbox.page.keyboard.type('je suis en train d’écrire');
    expect(inbox.statusInCore(focusedId)).toBe('open');
    expect(await inbox.options.count()).toBe(before);
  });

  it('r right after Enter puts the keyboard in the reply box once the conversation has loaded', async () => {
    // The core answers the conversation late, as on a busy machine: r comes before the reply box.
    const inbox = await chromium.open('en-CA', { preparePage: (page) => answerLate(page, ['conversations.get'], 600) });
    const { page } = inbox;
    await inbox.focusList();
    await inbox.press('j', 'Enter', 'r');
    const box = page.locator('#composer-text');
    await expect.poll(() => inbox.hasFocus(box)).toBe(true);
    await page.keyboard.type('Bonjour');
    expect(await box.inputValue()).toBe('Bonjour');
  });

  it('finds “réponse” when searching for “reponse”', async () => {
    inbox = await chromium.open();
    await inbox.press('/');
    await inbox.page.keyboard.type('reponse');
    await inbox.press('Enter');
    await expect.poll(async () => (await inbox?.page.locator('.list-summary').textContent()) ?? '').toMatch(/^\d+ conversations?/);
    await inbox.options.first().click();
    await expect.poll(async () => (await inbox?.page.locator('.messages').textContent()) ?? '').toMatch(/réponse/i);
  });

  it('sends a reply after the undo delay; undone within it, the text comes back and nothing is sent', async () => {
    inbox = await chromium.open('en-CA', { beforeLoad: (harness) => harness.call('outbox.setUndoDelay', { undoSendMs: 4_000 }) });
    await inbox.focusList();
    await inbox.page.locator('.messages').waitFor();
    const conversationId = await inbox.selectedId();
    await inbox.press('r');
    const text = 'Merci de nous avoir écrit! On regarde ça tout de suite.';
    await inbox.page.keyboard.type(text);
    await inbox.press('Control+Enter');
    const pending = inbox.page.locator('.pending-replies .outbox-item', { hasText: text });
    await pending.getByText(/Sending in \d seconds?/).waitFor();
    expect(await inbox.page.locator('#composer-text').inputValue()).toBe('');
    await inbox.page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => inbox?.page.locator('#composer-text').inputValue()).toBe(text);
    await pending.waitFor({ state: 'detached' });

    await inbox.page.locator('#composer-text').focus();
    await inbox.press('Control+Enter');
    await inbox.page.locator('.message[data-direction="out"]', { hasText: text }).waitFor();
    await inbox.page.locator('.pending-replies').waitFor({ state: 'detached' });
    const sent = await inbox.harness.call('outbox.list', { scope: 'all', conversationId });
    expect(sent.map((item) => item.state)).toEqual(['sent', 'cancelled']);
  });

  it('speaks French to a French-speaking system', async () => {
    inbox = await chromium.open('fr-CA');
    await inbox.page.getByRole('button', { name: /Tout ouvert/ }).waitFor();
    expect(await inbox.page.locator('html').getAttribute('lang')).toBe('fr-CA');
    expect(await inbox.page.getByRole('button', { name: /Messages privés/ }).count()).toBe(1);
    expect(await inbox.page.locator('#search-box').getAttribute('placeholder')).toMatch(/^Rechercher/);
  });

  it('opens the shortcut sheet with ?, and closes it with Escape', async () => {
    inbox = await chromium.open();
    await inbox.focusList();
    await inbox.press('Shift+?');
    const sheet = inbox.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('Mark done');
    await inbox.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
  });

  it('names Enter and Escape as a French keyboard does in the shortcut sheet and the palette', async () => {
    inbox = await chromium.open('fr-CA');
    await inbox.focusList();
    await inbox.press('Shift+?');
    const sheet = inbox.page.getByRole('dialog', { name: 'Raccourcis clavier' });
    expect(await sheet.locator('kbd').allTextContents()).toEqual(expect.arrayContaining(['Entrée', 'Échap']));
    expect(await sheet.locator('kbd').allTextContents()).not.toEqual(expect.arrayContaining(['Enter']));
    await inbox.press('Escape');
    await inbox.press('Control+k');
    const palette = inbox.page.getByRole('dialog', { name: 'Palette de commandes' });
    expect(await palette.getByRole('option', { name: /^Vider la sélection/ }).locator('kbd').allTextContents()).toEqual(['Échap']);
    // The words people type for a command find it too: "paramètres" (accent or not) is Réglages.
    await inbox.page.keyboard.type('parametres');
    await expect.poll(() => palette.getByRole('option').allTextContents()).toEqual([expect.stringMatching(/^Réglages…/)]);
    await inbox.press('Enter');
    await inbox.page.getByRole('dialog', { name: 'Réglages' }).waitFor();
  });

  it('renders a hostile message as text and runs nothing in it', async () => {
    inbox = await chromium.open();
    const text = 'lol <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> <b>bold?</b> https://desjardins.com@evil.example/ https://cafe.ca/';
    inbox.receiveDm('e2e-hostile', { externalId: 'e2e-troll', handle: '@troll', name: 'Troll' }, text);
    const row = inbox.page.locator('[role="option"]', { hasText: 'Troll' });
    await row.waitFor();
    await row.click();
    await inbox.page.locator('.messages', { hasText: '<script>window.__pwned = 1</script>' }).waitFor();
    expect(await inbox.page.locator('.messages img, .messages script, .messages b').count()).toBe(0);
    // A link hiding a user name (it reads as the bank, opens evil.example) stays text; a plain one is a link.
    expect(await inbox.page.locator('.messages a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['https://cafe.ca/']);
    expect(await inbox.page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('applies one action to several conversations picked with x', async () => {
    inbox = await chromium.open();
    await inbox.focusList();
    const first = await inbox.selectedId();
    await inbox.press('x', 'j', 'j', 'x');
    const third = await inbox.selectedId();
    await expect.poll(async () => (await inbox?.page.locator('.list-summary').textContent()) ?? '').toContain('2 selected');
    await inbox.press('e');
    await expect.poll(() => [inbox?.statusInCore(first), inbox?.statusInCore(third)]).toEqual(['done', 'done']);
    expect(await inbox.page.locator(`#conversation-${first}, #conversation-${third}`).count()).toBe(0);
  });

  it('snoozes from the keyboard: s, then a choice', async () => {
    inbox = await chromium.open();
    await inbox.focusList();
    const target = await inbox.selectedId();
    await inbox.press('s');
    const picker = inbox.page.getByRole('dialog', { name: 'Snooze until…' });
    await picker.waitFor();
    await picker.getByRole('option', { name: /Tomorrow morning/ }).click();
    await expect.poll(() => inbox?.statusInCore(target)).toBe('snoozed');
    const until = inbox.harness.core.context.db.prepare<[string], { snooze_until: number }>('SELECT snooze_until FROM conversations WHERE id = ?').get(target)?.snooze_until ?? 0;
    expect(until).toBeGreaterThan(Date.now() + 60_000);
  });

  it('opens a long conversation on its newest message', async () => {
    inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    const facebook = inbox.harness.core.context.db.prepare<[], string>("SELECT id FROM accounts WHERE platform = 'facebook'").pluck().get() ?? '';
    const author = { externalId: 'chatty', handle: '@chatty', name: 'Chatty Cathy' };
    const items = Array.from({ length: 20 }, (_, index) => ({
      platform: 'facebook' as const, kind: 'dm' as const, externalId: `chatty-${index}`, threadExternalId: 'chatty-thread', author, text: `Message number ${index + 1}`, createdAt: Date.now() + 60_000 + index,
    }));
    inbox.harness.core.context.ingest({ accountId: facebook, source: 'e2e', items });
    await inbox.options.filter({ hasText: 'Chatty Cathy' }).first().click();
    const newest = inbox.page.locator('.message', { hasText: 'Message number 20' });
    await newest.waitFor();
    const [pane, composer, message] = await Promise.all([inbox.page.locator('#conversation-pane').boundingBox(), inbox.page.locator('.composer').boundingBox(), newest.boundingBox()]);
    // Fully visible: below the pane's top and above the composer that sticks to its bottom.
    expect(pane && composer && message && message.y >= pane.y && message.y + message.height <= composer.y).toBe(true);
  });

  it('keeps the command chosen with the arrow keys in sight in the palette', async () => {
    inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.focusList();
    await inbox.press('Control+k');
    const list = inbox.page.getByRole('dialog', { name: 'Command palette' }).getByRole('listbox');
    const count = await list.getByRole('option').count();
    for (let i = 1; i < count; i++) await inbox.press('ArrowDown');
    const chosen = list.getByRole('option', { selected: true });
    expect(await chosen.textContent()).toBe(await list.getByRole('option').last().textContent());
    const [listBox, chosenBox] = await Promise.all([list.boundingBox(), chosen.boundingBox()]);
    expect(chosenBox && listBox && chosenBox.y + chosenBox.height <= listBox.y + listBox.height + 1).toBe(true);
  });

  it('runs any action from the command palette', async () => {
    inbox = await chromium.open();
    await inbox.focusList();
    const target = await inbox.selectedId();
    await inbox.press('Control+k');
    const palette = inbox.page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await inbox.page.keyboard.type('mark done');
    await inbox.press('Enter');
    await expect.poll(() => inbox?.statusInCore(target)).toBe('done');
    expect(await palette.count()).toBe(0);
  });

  it('rolls an optimistic change back, and says so, when the core refuses it', async () => {
    inbox = await chromium.open();
    await inbox.focusList();
    const target = await inbox.selectedId();
    // Gone from the core behind the UI's back: marking it done must fail with not_found.
    inbox.harness.core.context.db.prepare('DELETE FROM conversations WHERE id = ?').run(target);
    await inbox.press('e');
    await inbox.page.getByRole('alert').filter({ hasText: 'That did not work, so nothing changed' }).waitFor();
    await inbox.page.locator(`#conversation-${target}`).waitFor();
  });
});
