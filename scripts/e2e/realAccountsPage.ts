import type { Locator, Page } from 'playwright-core';
import type { InboxPage } from './inboxPage';

/** What the end-to-end tests of real accounts do on the page: the Accounts view, the connect forms, screenshots kept. */

/** Where the screenshots of real accounts go: outside the repository, to be looked at. */
import { SCREENS_DIR } from './screenshots';

const ACCOUNTS = { 'en-CA': 'Accounts', 'fr-CA': 'Comptes' } as const;

export async function openAccounts(page: Page, locale: keyof typeof ACCOUNTS): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: ACCOUNTS[locale], exact: true }).click();
  await page.getByRole('heading', { name: ACCOUNTS[locale], level: 1 }).waitFor();
}

/**
 * The Bluesky form from the Accounts view, keys only: Enter on the first platform (Bluesky), the
 * handle, Tab, the app password, Tab to Advanced, Space opens it, Tab to the server, Enter sends.
 */
export async function connectBlueskyWithKeyboard(inbox: InboxPage, form: { handle: string; appPassword: string; server: string; connectLabel?: string }): Promise<void> {
  const { page } = inbox;
  await page.getByRole('button', { name: form.connectLabel ?? 'Connect an account' }).click();
  await inbox.press('Enter');
  await page.locator('#bluesky-identifier').waitFor();
  await page.keyboard.type(form.handle);
  await inbox.press('Tab');
  await page.keyboard.type(form.appPassword);
  await inbox.press('Tab', 'Space', 'Tab');
  await page.keyboard.type(form.server);
  await inbox.press('Enter');
}

/** The page at the two window sizes the issue asks about, named `NAME-WIDTHxHEIGHT.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  for (const [width, height] of [[1000, 700], [1600, 1000]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SCREENS_DIR}/${name}-${width}x${height}.png` });
  }
  if (viewport) await page.setViewportSize(viewport);
}

/**
 * Presses the account's Sync now until the core has what is looked for: a server may take a while
 * to deliver (snac queues even local posts for 3–10 s), and the interval between syncs is a minute.
 */
export async function syncUntil(page: Page, row: Locator, syncNow: string, isThere: () => boolean, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!isThere()) {
    if (Date.now() > deadline) throw new Error(`Not synced within ${timeoutMs} ms.`);
    await row.getByRole('button', { name: syncNow }).click();
    await page.waitForTimeout(2_000);
  }
}

/** The language picked in the inbox's header (shown with the inbox), as a person switching would. */
export async function switchLanguage(page: Page, to: 'en' | 'fr'): Promise<void> {
  await page.locator('.language-setting select').selectOption(to);
}
