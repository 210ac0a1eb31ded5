import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';

const chromium = useInboxInChromium();

describe('the search box in Chromium', () => {
  it('says in the person’s language that a control character cannot be searched, and does not search', async () => {
    const inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    const box = page.getByRole('searchbox', { name: 'Rechercher dans les messages' });
    await box.fill('colis\u0007perdu');
    await page.getByRole('alert').getByText('Une recherche ne peut pas contenir de caractères de contrôle (U+0007 en position 6).').waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    await box.press('Enter');
    // The clear button shows only while a search is the list's filter.
    const clearSearch = page.getByRole('button', { name: 'Effacer la recherche' });
    expect(await clearSearch.count()).toBe(0);

    await box.fill('colis');
    expect(await page.locator('#search-error').count()).toBe(0);
    expect(await box.getAttribute('aria-invalid')).toBe('false');
    await box.press('Enter');
    await clearSearch.waitFor();
  });
});
