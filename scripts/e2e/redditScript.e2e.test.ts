import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID } from '../../electron/core/connectors/reddit/contract/openRedditConnector';
import { RedditContractServer } from '../../electron/core/connectors/reddit/contract/redditContractServer';
import { BRAND } from '../../electron/core/connectors/reddit/contract/redditFixtures';
import { PLATFORM_ORIGINS_VARIABLE } from '../../electron/core/connectors/platformOrigins';
import { focusHiddenBy } from './inSight';
import { useInboxInChromium } from './inChromium';
import { openAccounts, screenshot } from './realAccountsPage';

/**
 * Reddit's script-app sign-in in Chromium (#13 §2), the app wired as it ships (its real Reddit
 * connector and sign-ins) against the Reddit contract server: the installed app's form asks for
 * no secret; the script app chosen and filled with the keyboard only, a wrong password refused in the person's language, then the account connected and the
 * password found nowhere in the data folder.
 */
const chromium = useInboxInChromium();
const SECRET = 'script-secret';
const PASSWORD = 'correct horse';

let server: RedditContractServer;
beforeEach(async () => {
  server = await RedditContractServer.start({ clientId: CLIENT_ID, clientSecret: SECRET });
  process.env[PLATFORM_ORIGINS_VARIABLE] = JSON.stringify({ reddit: server.url });
});
afterEach(async () => {
  delete process.env[PLATFORM_ORIGINS_VARIABLE];
  await server.close();
});

const WORDS = {
  'en-CA': { connect: 'Connect an account', script: 'Script app for my own account', installed: 'Installed app (recommended)', never: 'Pieuvre never keeps it', refused: 'Reddit refused the sign-in', clientId: 'Client ID (under the app’s name)', secret: /secret/iu },
  'fr-CA': { connect: 'Connecter un compte', script: 'Application «\u00a0script\u00a0» pour mon propre compte', installed: 'Application installée (recommandée)', never: 'Pieuvre ne le garde jamais', refused: 'Reddit a refusé la connexion', clientId: 'ID client (sous le nom de l’application)', secret: /secr[eè]t/iu },
} as const;

describe('Reddit’s script-app sign-in in Chromium', () => {
  it.each(['fr-CA', 'en-CA'] as const)('is chosen and filled by keyboard in %s, says the password is never kept, refuses a wrong one in words, then connects', async (locale) => {
    const words = WORDS[locale];
    const inbox = await chromium.open(locale);
    const { page } = inbox;
    await page.setViewportSize({ width: 1000, height: 700 });
    await openAccounts(page, locale);
    await page.getByRole('button', { name: words.connect }).click();
    const dialog = page.getByRole('dialog', { name: words.connect });
    await dialog.getByRole('button', { name: 'Reddit' }).click();
    const installed = dialog.getByRole('button', { name: words.installed });
    const script = dialog.getByRole('button', { name: words.script });
    expect(await installed.getAttribute('aria-pressed')).toBe('true');
    // An installed app has no secret (Reddit takes its id with an empty password): no field asks for one.
    await dialog.getByRole('textbox', { name: words.clientId }).waitFor();
    expect(await dialog.locator('input[type="password"]').count()).toBe(0);
    expect(await dialog.getByText(words.secret).count()).toBe(0);

    // With a client id typed, Tab goes round the whole step: each field and button it reaches is in
    // sight, none hidden under the dialog's title or its Back and Close row (the sign-in button was).
    await page.keyboard.type(CLIENT_ID);
    for (let step = 0; step < 10; step += 1) {
      await inbox.press('Tab');
      expect(await focusHiddenBy(page), `Tab ${step + 1}`).toBeNull();
    }
    // Back with Shift+Tab to the choice, Space picks the script app.
    for (let step = 0; step < 14 && !(await script.evaluate((element) => element === document.activeElement)); step += 1) await inbox.press('Shift+Tab');
    await inbox.press('Space');
    expect(await script.getAttribute('aria-pressed')).toBe('true');
    await dialog.getByText(words.never, { exact: false }).waitFor();
    // The client id has the focus; Tab goes through the secret, the username and the password.
    await page.keyboard.type(CLIENT_ID);
    await inbox.press('Tab');
    await page.keyboard.type(SECRET);
    await inbox.press('Tab');
    await page.keyboard.type(BRAND.name);
    await inbox.press('Tab');
    await page.keyboard.type('wrong');
    await inbox.press('Enter');
    await dialog.getByRole('alert').getByText(words.refused, { exact: false }).waitFor();

    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(PASSWORD);
    await screenshot(page, `connect-reddit-script-${locale}`);
    await inbox.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('listitem', { name: `u/${BRAND.name}`, exact: true }).waitFor();

    const grants = server.received('POST', '/api/v1/access_token').map((request) => request.body as Record<string, string>);
    expect(grants.map((grant) => [grant.grant_type, grant.password])).toEqual([['password', 'wrong'], ['password', PASSWORD]]);
    const stored = readdirSync(inbox.dataDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => readFileSync(join(entry.parentPath, entry.name), 'latin1'));
    expect(stored.some((text) => text.includes(PASSWORD))).toBe(false);
  });
});
