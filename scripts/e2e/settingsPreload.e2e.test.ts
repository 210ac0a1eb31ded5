import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();

describe("Settings' code in Chromium", () => {
  it('is fetched apart from the app, a few seconds after the first view is up, without Settings being opened, and Settings opens from it', async () => {
    const inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    await page.setViewportSize({ width: 1000, height: 700 });
    const settingsChunks = () => page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => /\/SettingsDialog-[^/]*\.js$/u.test(entry.name)).length);
    // Not with the first view: a few seconds later, once the page idles.
    expect(await settingsChunks()).toBe(0);
    await expect.poll(settingsChunks, { timeout: 20_000 }).toBe(1);
    expect(await page.getByRole('dialog').count()).toBe(0);

    await inbox.focusList();
    await inbox.press('Control+k');
    await page.keyboard.type('Réglages');
    await inbox.press('Enter');
    await page.getByRole('dialog', { name: 'Réglages' }).getByRole('tab', { name: 'Règles' }).waitFor();
    // Opening it asked for nothing more.
    expect(await settingsChunks()).toBe(1);
    await screenshot(page, 'settings-preloaded-fr-CA-1000x700');
  }, 40_000);
});
