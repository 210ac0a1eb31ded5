import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import { screenshot } from './realAccountsPage';

/** The welcome of a first start, from the real accounts service on a fresh data folder (no answer faked). */
const chromium = useInboxInChromium();

describe('the welcome on a fresh data folder', () => {
  it('shows on the first start, Connect an account opens the connect dialog, Escape leaves the keyboard on the Accounts page, and it does not come back', async () => {
    const inbox = await chromium.open('en-CA', { isFirstStart: true, waitForInbox: false });
    const { page } = inbox;
    await page.getByRole('heading', { name: 'Welcome to Pieuvre' }).waitFor();
    await screenshot(page, 'welcome-en-CA');
    await page.getByRole('button', { name: /^Connect an account/ }).click();
    await page.getByRole('dialog', { name: 'Connect an account' }).waitFor();
    await screenshot(page, 'connect-en-CA');
    await page.keyboard.press('Enter');
    await page.locator('#bluesky-identifier').waitFor();
    await screenshot(page, 'connect-bluesky-en-CA');
    expect(await inbox.harness.call('accounts.welcome', {})).toEqual({ show: false });
    // Escape closes it; the welcome's button that opened it is gone, so the keyboard lands on the
    // Accounts page (not on nothing), and Tab goes on to Connect an account.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => inbox.hasFocus(page.getByRole('heading', { name: 'Accounts', level: 1 }))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await inbox.hasFocus(page.getByRole('button', { name: 'Connect an account' }))).toBe(true);

    // The page opened again asks the core again: answered once is enough.
    await page.reload();
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).or(inbox.options.first()).first().waitFor();
    expect(await page.getByRole('heading', { name: 'Welcome to Pieuvre' }).count()).toBe(0);
  });

  it('Explore the demo goes to the demo inbox (fr-CA)', async () => {
    const inbox = await chromium.open('fr-CA', { isFirstStart: true, waitForInbox: false });
    const { page } = inbox;
    await page.getByRole('heading', { name: 'Bienvenue dans Pieuvre' }).waitFor();
    await screenshot(page, 'welcome-fr-CA');
    await page.getByRole('button', { name: /^Explorer la démo/ }).click();
    await inbox.options.first().waitFor();
    expect(await page.getByRole('heading', { name: 'Bienvenue dans Pieuvre' }).count()).toBe(0);
    expect(await inbox.harness.call('accounts.welcome', {})).toEqual({ show: false });
  });
});
