import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';

const chromium = useInboxInChromium();

describe('control characters in one-line fields, in Chromium', () => {
  it('says in the person’s language that a control character cannot be searched, and does not search', async () => {
    const inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    const box = page.getByRole('searchbox', { name: 'Rechercher dans les messages' });
    await box.fill('colis\u0007perdu');
    await page.getByRole('alert').getByText('« Rechercher dans les messages » ne peut pas contenir de caractères de contrôle (U+0007 en position 6) : retapez-le sans eux.').waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    await box.press('Enter');
    // Not searched: the list says nothing of a search.
    const searchScope = page.locator('.search-scope');
    expect(await searchScope.count()).toBe(0);

    await box.fill('colis');
    expect(await page.locator('#search-error').count()).toBe(0);
    expect(await box.getAttribute('aria-invalid')).toBe('false');
    await box.press('Enter');
    await searchScope.waitFor();
  });

  it('a tag with a control character is refused in the tag picker, naming the field, before it reaches the core', async () => {
    const inbox = await chromium.open('en-CA');
    const conversationId = await inbox.selectedId();
    await inbox.focusList();
    await inbox.press('#');
    const dialog = inbox.page.getByRole('dialog', { name: 'Add a tag' });
    await dialog.getByRole('combobox').fill('vip\u001b');
    await dialog.getByRole('alert').getByText('“Tag name” cannot contain control characters (U+001B at position 4): retype it without them.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Add' }).isDisabled()).toBe(true);
    await dialog.getByRole('combobox').fill('vip');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => inbox.harness.call('conversations.get', { id: conversationId }).then((detail) => detail.tags)).toEqual(['vip']);
  });
});
