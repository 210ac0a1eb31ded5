import { describe, expect, it } from 'vitest';
import { foldText } from '../../shared/text/foldText';
import { listConversations } from '../../electron/core/store/conversationQueries';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();

/** What a person types in the search field, from the list: `/`, the words, Enter. */
async function searchFor(inbox: InboxPage, words: string): Promise<void> {
  await inbox.focusList();
  await inbox.press('/');
  await inbox.page.keyboard.type(words);
  await inbox.press('Enter');
  await inbox.page.locator('.search-scope').waitFor();
}

/** The count above the list, without the search's scope on the line under it. */
const summary = async (inbox: InboxPage) => {
  const [line, scope] = await Promise.all([inbox.page.locator('.list-summary').textContent(), inbox.page.locator('.search-scope').allTextContents()]);
  return (line ?? '').replace(scope[0] ?? '', '');
};
const marks = (inbox: InboxPage) => inbox.page.locator('[role="option"] .search-excerpt mark').allTextContents();

/** Two conversations about an umbrella, one of them done; and a third, hostile one. */
async function umbrellas(inbox: InboxPage): Promise<{ doneId: string; openId: string }> {
  inbox.receiveDm('umbrella-done', { externalId: 'u-done', handle: '@lea', name: 'Léa Done' }, 'Le parapluie oublié au café est-il encore chez vous?');
  inbox.receiveDm('umbrella-open', { externalId: 'u-open', handle: '@max', name: 'Max Open' }, 'Vendez-vous un parapluie aux couleurs de la brûlerie?');
  const found = listConversations(inbox.harness.core.context.db, { text: 'parapluie', limit: 10 }).items;
  const id = (name: string) => found.find((conversation) => conversation.contact.name === name)?.id ?? '';
  await inbox.harness.call('conversations.setStatus', { ids: [id('Léa Done')], status: 'done' });
  // The inbox has taken both in: the open one listed, the done one gone.
  await inbox.page.locator(`#conversation-${id('Max Open')}`).waitFor();
  await inbox.page.locator(`#conversation-${id('Léa Done')}`).waitFor({ state: 'detached' });
  return { doneId: id('Léa Done'), openId: id('Max Open') };
}

describe('search in Chromium', () => {
  it('searches within the view it starts from (Done), marks the word in each result, and widens or narrows in one click', async () => {
    const inbox = await chromium.open();
    const { doneId, openId } = await umbrellas(inbox);
    await inbox.sidebarView('Done').click();
    await searchFor(inbox, 'parapluie');

    await expect.poll(() => inbox.options.count()).toBe(1);
    await inbox.page.locator(`#conversation-${doneId}`).waitFor();
    expect(await summary(inbox)).toBe('1 conversation matches');
    expect(await inbox.page.locator('.search-scope').textContent()).toBe('Searching Done only — Search all statuses');
    expect(await inbox.sidebarView('Done').getAttribute('aria-current')).toBe('page');
    expect(await marks(inbox)).toEqual(['parapluie']);
    expect(await inbox.page.locator(`#conversation-${doneId} .search-excerpt`).textContent()).toBe('Le parapluie oublié au café est-il encore chez vous?');
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(inbox.page, `search/en-done-search-1000`);

    await inbox.page.getByRole('button', { name: 'Search all statuses' }).click();
    await inbox.page.locator(`#conversation-${openId}`).waitFor();
    expect(await inbox.options.count()).toBe(2);
    expect(await inbox.page.locator('.search-scope').textContent()).toBe('Searching all statuses — Show only Done');
    expect(await marks(inbox)).toEqual(['parapluie', 'parapluie']);
    await inbox.page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(inbox.page, `search/en-all-statuses-1920`);

    await inbox.page.getByRole('button', { name: 'Show only Done' }).click();
    await inbox.page.locator(`#conversation-${openId}`).waitFor({ state: 'detached' });
    expect(await inbox.options.count()).toBe(1);
    expect(await inbox.page.locator('.search-scope').textContent()).toBe('Searching Done only — Search all statuses');

    // Another view from the sidebar ends the search: the field empties.
    await inbox.sidebarView('All open').click();
    await inbox.page.locator('.search-scope').waitFor({ state: 'detached' });
    expect(await inbox.page.locator('#search-box').inputValue()).toBe('');
    expect(await summary(inbox)).toMatch(/^\d+ conversations$/);
  });

  it('marks “café” intact for a search without the accent, and keeps a hostile match shielded', async () => {
    const inbox = await chromium.open();
    await umbrellas(inbox);
    inbox.receiveDm('umbrella-troll', { externalId: 'u-troll', handle: '@troll', name: 'Troll Parapluie' }, 'Espèce d’idiot, ton parapluie de café est minable');
    await inbox.sidebarView('Done').click();
    await searchFor(inbox, 'cafe');
    expect(await marks(inbox)).toEqual(['café']);

    await inbox.page.getByRole('button', { name: 'Search all statuses' }).click();
    const troll = inbox.options.filter({ hasText: 'Troll Parapluie' });
    await troll.waitFor();
    expect(await troll.locator('.row-snippet').textContent()).toBe('Hostile message, hidden for your peace of mind.');
    expect(await troll.locator('mark').count()).toBe(0);
    expect(await troll.getAttribute('aria-label')).not.toContain('idiot');
    // Every word marked is the one searched, whatever its accents and capitals.
    expect((await marks(inbox)).map(foldText)).toEqual(expect.arrayContaining(['cafe']));
    expect(new Set((await marks(inbox)).map(foldText))).toEqual(new Set(['cafe']));
    await screenshot(inbox.page, `search/en-accent-hostile-1440`);
  });

  it('clears with its one × button, or with Escape; a second Escape goes back to the list', async () => {
    const inbox = await chromium.open();
    await umbrellas(inbox);
    const field = inbox.page.locator('#search-box');
    await searchFor(inbox, 'parapluie');
    await expect.poll(() => summary(inbox)).toBe('1 conversation matches');
    // One way to clear: no browser-made clear button beside ours.
    expect(await field.getAttribute('type')).toBe('text');
    expect(await inbox.page.getByRole('search').getByRole('button').count()).toBe(1);

    await inbox.page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(() => summary(inbox)).toMatch(/^\d+ conversations$/);
    expect(await field.inputValue()).toBe('');
    expect(await inbox.hasFocus(field)).toBe(true);
    expect(await inbox.page.locator('.search-scope').count()).toBe(0);
    expect(await inbox.sidebarView('All open').getAttribute('aria-current')).toBe('page');

    await searchFor(inbox, 'parapluie');
    await expect.poll(() => summary(inbox)).toBe('1 conversation matches');
    // Enter gave the keyboard to the results; `/` goes back to the search, its words kept.
    await expect.poll(() => inbox.hasFocus(inbox.list)).toBe(true);
    await inbox.press('/');
    expect(await field.inputValue()).toBe('parapluie');
    await inbox.press('Escape');
    await expect.poll(() => summary(inbox)).toMatch(/^\d+ conversations$/);
    expect(await field.inputValue()).toBe('');
    expect(await inbox.hasFocus(field)).toBe(true);
    await inbox.press('Escape');
    expect(await inbox.hasFocus(inbox.list)).toBe(true);
    // The keyboard works the list again: j moves the cursor.
    const first = await inbox.selectedId();
    await inbox.press('j');
    expect(await inbox.selectedId()).not.toBe(first);
  });

  it('in French, from 1000×700 to 1920×1080, the placeholder is whole and the results speak French', async () => {
    const inbox = await chromium.open('fr-CA');
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await umbrellas(inbox);
    const field = inbox.page.locator('#search-box');
    const placeholder = (await field.getAttribute('placeholder')) ?? '';
    // The placeholder's words written in the field, in the same font, fit without scrolling: at
    // 1000 px the field has the column to itself; at 1920 px it shares it with the language menu.
    for (const [width, height] of [[1920, 1080], [1000, 700]] as const) {
      await inbox.page.setViewportSize({ width, height });
      await field.fill(placeholder);
      expect(await field.evaluate((input) => input.scrollWidth - input.clientWidth)).toBe(0);
      await field.fill('');
    }
    expect(await field.getAttribute('title')).toMatch(/accents et les majuscules ne comptent pas/);
    await screenshot(inbox.page, `search/fr-placeholder-1000`);

    await inbox.sidebarView('Traités').click();
    await searchFor(inbox, 'parapluie');
    await expect.poll(() => summary(inbox)).toBe('1 conversation correspond');
    expect(await inbox.page.locator('.search-scope').textContent()).toBe('Recherche limitée au statut «\u00a0Traité\u00a0» — Chercher dans tous les statuts');
    expect(await inbox.page.getByRole('button', { name: 'Effacer la recherche' }).count()).toBe(1);
    await screenshot(inbox.page, `search/fr-done-search-1000`);
    await inbox.page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(inbox.page, `search/fr-done-search-1920`);
  });

  it('runs as the person types, without Enter; Enter moves to the results; Escape there ends the search, after a selection', async () => {
    const inbox = await chromium.open('fr-CA');
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    const { openId } = await umbrellas(inbox);
    await inbox.focusList();
    await inbox.press('/');
    await inbox.page.keyboard.type('parapluie', { delay: 40 });
    // No Enter: the list already shows the one open conversation about an umbrella.
    await expect.poll(() => inbox.options.count()).toBe(1);
    await inbox.page.locator(`#conversation-${openId}`).waitFor();
    expect(await inbox.hasFocus(inbox.page.locator('#search-box'))).toBe(true);
    await screenshot(inbox.page, 'search/fr-as-you-type-1000');
    await inbox.press('Enter');
    await expect.poll(() => inbox.hasFocus(inbox.list)).toBe(true);
    await inbox.press('x');
    await inbox.press('Escape');
    // The selection goes first, the search stays.
    await expect.poll(() => inbox.page.locator('.bulk-bar').count()).toBe(0);
    expect(await inbox.options.count()).toBe(1);
    await inbox.press('Escape');
    await inbox.page.locator('.search-scope').waitFor({ state: 'detached' });
    await expect.poll(() => inbox.options.count()).toBeGreaterThan(1);
    expect(await inbox.page.locator('#search-box').inputValue()).toBe('');
    await expect.poll(() => inbox.hasFocus(inbox.list)).toBe(true);
  });
});
