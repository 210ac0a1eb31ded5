import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();

/** The option a listbox or combobox names as active (`aria-activedescendant`), by its text; null when none is. */
function activeOption(owner: Locator): Promise<string | null> {
  return owner.evaluate((element) => {
    const id = element.getAttribute('aria-activedescendant');
    return id ? (element.ownerDocument.getElementById(id)?.textContent ?? null) : null;
  });
}

/** Keys typed with the keyboard on the conversation list, then the dialog they open. */
async function openFromList(inbox: InboxPage, key: string, title: string | RegExp) {
  await inbox.focusList();
  await inbox.press(key);
  const dialog = inbox.page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  return dialog;
}

describe('menus and pickers with the keyboard only, in Chromium', () => {
  it('snooze: a listbox where ↓ ↑ Home End and first letters move, Space chooses; Escape goes back to the list', async () => {
    const inbox = await chromium.open();
    const target = await inbox.selectedId();
    const dialog = await openFromList(inbox, 's', 'Snooze until…');
    const times = dialog.getByRole('listbox');
    expect(await inbox.hasFocus(times)).toBe(true);
    expect(await activeOption(times)).toMatch(/^Later today/);
    await inbox.press('ArrowDown');
    expect(await activeOption(times)).toMatch(/^Tomorrow morning/);
    await inbox.press('End');
    expect(await activeOption(times)).toMatch(/^Next week/);
    await inbox.press('Home');
    expect(await activeOption(times)).toMatch(/^Later today/);
    await inbox.press('n');
    expect(await activeOption(times)).toMatch(/^Next week/);
    await inbox.press('ArrowUp');
    expect(await activeOption(times)).toMatch(/^Tomorrow morning/);
    await inbox.page.screenshot({ path: 'test-results/pickers-snooze.png' });
    await inbox.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await inbox.hasFocus(inbox.list)).toBe(true);
    expect(inbox.statusInCore(target)).toBe('open');

    await openFromList(inbox, 's', 'Snooze until…');
    await inbox.press('ArrowDown', ' ');
    await expect.poll(() => inbox.statusInCore(target)).toBe('snoozed');
    const until = inbox.harness.core.context.db.prepare<[string], number>('SELECT snooze_until FROM conversations WHERE id = ?').pluck().get(target) ?? 0;
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    expect(new Date(until).toDateString()).toBe(tomorrow.toDateString());
  });

  it('tag: a combobox offering the tags in use; ↓ picks one, Enter adds it, ↑ goes back to what was typed', async () => {
    const inbox = await chromium.open();
    let dialog = await openFromList(inbox, '#', 'Add a tag');
    await inbox.page.keyboard.type('vip-client');
    await inbox.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const first = await inbox.selectedId();
    await expect.poll(() => inbox.harness.call('conversations.get', { id: first }).then((detail) => detail.tags)).toEqual(['vip-client']);

    await inbox.focusList();
    await inbox.press('j');
    const second = await inbox.selectedId();
    dialog = await openFromList(inbox, '#', 'Add a tag');
    const name = dialog.getByRole('combobox');
    await inbox.page.keyboard.type('VIP');
    await dialog.getByRole('option', { name: '#vip-client' }).waitFor();
    expect(await name.getAttribute('aria-expanded')).toBe('true');
    expect(await activeOption(name)).toBeNull();
    await inbox.press('ArrowDown');
    expect(await activeOption(name)).toBe('#vip-client');
    await inbox.press('ArrowUp');
    expect(await activeOption(name)).toBeNull();
    await inbox.press('ArrowDown', 'Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => inbox.harness.call('conversations.get', { id: second }).then((detail) => detail.tags)).toEqual(['vip-client']);
  });

  it('assign: End and Home reach the ends of the people; Escape goes back to the list', async () => {
    const inbox = await chromium.open();
    const dialog = await openFromList(inbox, 'a', 'Assign to');
    const people = dialog.getByRole('listbox');
    await expect.poll(() => people.getByRole('option').count()).toBeGreaterThan(1);
    const labels = await people.getByRole('option').allTextContents();
    await inbox.press('End');
    expect(await activeOption(people)).toBe(labels.at(-1));
    await inbox.press('Home', 'ArrowDown');
    expect(await activeOption(people)).toBe(labels[1]);
    await inbox.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await inbox.hasFocus(inbox.list)).toBe(true);
  });

  it('moderation: the actions are a listbox; first letters find one, Enter chooses it', async () => {
    const inbox = await chromium.open();
    inbox.receiveMention('picker-troll', { externalId: 'picker-troll', handle: '@troll@mastodon.example', name: 'Picker Troll' }, 'Vous êtes nuls.');
    await inbox.options.filter({ hasText: 'Picker Troll' }).first().click();
    const dialog = await openFromList(inbox, 'm', /Moderate on Mastodon/);
    const actions = dialog.getByRole('listbox');
    await expect.poll(() => actions.getByRole('option').count()).toBeGreaterThan(1);
    const labels = await actions.getByRole('option').allTextContents();
    expect(await inbox.hasFocus(actions)).toBe(true);
    await inbox.press('End');
    expect(await activeOption(actions)).toBe(labels.at(-1));
    const block = labels.find((label) => label.startsWith('Block')) ?? '';
    expect(block).not.toBe('');
    await inbox.press('Home', 'b');
    expect(await activeOption(actions)).toBe(block);
    await inbox.press('Enter');
    await inbox.page.getByRole('dialog', { name: /^Block Picker Troll/ }).waitFor();
  });

  it('command palette: a combobox; the arrows move the choice, Enter runs it, Escape goes back where it was opened', async () => {
    const inbox = await chromium.open();
    const dialog = await openFromList(inbox, 'Control+k', 'Command palette');
    const field = dialog.getByRole('combobox');
    await inbox.page.keyboard.type('se');
    const labels = await dialog.getByRole('option').allTextContents();
    expect(labels.length).toBeGreaterThan(1);
    expect(await activeOption(field)).toBe(labels[0]);
    await inbox.press('ArrowDown');
    expect(await activeOption(field)).toBe(labels[1]);
    await inbox.press('ArrowUp');
    expect(await activeOption(field)).toBe(labels[0]);
    await inbox.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await inbox.hasFocus(inbox.list)).toBe(true);

    await openFromList(inbox, 'Control+k', 'Command palette');
    await inbox.page.keyboard.type('settings');
    await inbox.press('Enter');
    await inbox.page.getByRole('dialog', { name: 'Settings' }).waitFor();
  });

  it('settings: the tabs move with ←/→ (round), Home and End, each showing its panel', async () => {
    const inbox = await chromium.open();
    await openFromList(inbox, 'Control+k', 'Command palette');
    await inbox.page.keyboard.type('settings');
    await inbox.press('Enter');
    const dialog = inbox.page.getByRole('dialog', { name: 'Settings' });
    const selected = dialog.getByRole('tab', { selected: true });
    await selected.focus();
    expect(await selected.textContent()).toBe('General');
    await inbox.press('ArrowRight');
    expect(await selected.textContent()).toBe('Me');
    expect(await inbox.hasFocus(selected)).toBe(true);
    await inbox.press('End');
    expect(await selected.textContent()).toBe('Rejected items');
    await inbox.press('ArrowRight');
    expect(await selected.textContent()).toBe('General');
    await inbox.press('ArrowLeft');
    expect(await selected.textContent()).toBe('Rejected items');
    await inbox.press('Home');
    expect(await dialog.getByRole('tabpanel', { name: 'General' }).count()).toBe(1);
  });

  it('a message’s ⋯ menu: focus on its items, ↓ ↑ round, Home End, Escape back to ⋯', async () => {
    const inbox = await chromium.open();
    inbox.receiveMention('menu-troll', { externalId: 'menu-troll', handle: '@menu@mastodon.example', name: 'Menu Troll' }, 'Allô?');
    await inbox.options.filter({ hasText: 'Menu Troll' }).first().click();
    const more = inbox.page.locator('.message', { hasText: 'Allô?' }).getByRole('button', { name: 'Moderate this message' });
    await more.focus();
    await inbox.press('Enter');
    const menu = inbox.page.getByRole('menu');
    const items = menu.getByRole('menuitem');
    await expect.poll(() => items.count()).toBeGreaterThan(1);
    const last = (await items.count()) - 1;
    expect(await inbox.hasFocus(items.first())).toBe(true);
    await inbox.press('End');
    expect(await inbox.hasFocus(items.nth(last))).toBe(true);
    await inbox.press('ArrowDown');
    expect(await inbox.hasFocus(items.first())).toBe(true);
    await inbox.press('ArrowUp');
    expect(await inbox.hasFocus(items.nth(last))).toBe(true);
    await inbox.press('Home');
    expect(await inbox.hasFocus(items.first())).toBe(true);
    await inbox.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await inbox.hasFocus(more)).toBe(true);
  });

  it('the / template picker: ↓ and ↑ move round the templates, Enter puts the chosen one in the reply', async () => {
    const inbox = await chromium.open();
    await inbox.options.first().click();
    const box = inbox.page.locator('#composer-text');
    await box.focus();
    await inbox.page.keyboard.type('/');
    const picker = inbox.page.getByRole('listbox', { name: 'Templates' });
    await expect.poll(() => picker.getByRole('option').count()).toBeGreaterThan(1);
    const shortcuts = await picker.locator('.template-shortcut').allTextContents();
    expect(await activeOption(box)).toContain(shortcuts[0]);
    await inbox.press('ArrowDown');
    expect(await activeOption(box)).toContain(shortcuts[1]);
    await inbox.press('ArrowUp', 'ArrowUp');
    expect(await activeOption(box)).toContain(shortcuts.at(-1));
    await inbox.press('Enter');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(() => box.inputValue()).not.toMatch(/^\/|^$/);
  });
});
