import { beforeAll, describe, expect, it } from 'vitest';
import { mastoClient, waitFor } from '../../electron/core/testing/snacMastodon';
import { ENSURE_PEERS_TIMEOUT_MS, ensurePeers, type PeerServers } from '../peers/peers';
import { createSnacAccount, snacToken } from '../peers/snacAccounts';
import { useInboxInChromium } from './inChromium';
import { personOn } from '../../electron/core/testing/blueskyTestKit';
import { connectBlueskyWithKeyboard, openAccounts, screenshot, switchLanguage, syncUntil } from './realAccountsPage';

/**
 * Mastodon end to end: the app in Chromium against the local snac2 server
 * (scripts/peers/), signed in through the server's own page as a browser would, a fan's mention
 * in the inbox, answered from the composer and its author blocked, each checked on the server.
 */
const chromium = useInboxInChromium();
let peers: PeerServers;

beforeAll(async () => {
  peers = await ensurePeers();
}, ENSURE_PEERS_TIMEOUT_MS);

/** English UI: Accounts → Connect an account → Mastodon with the local snac's address; the app opens its sign-in page in a new tab. */
async function startMastodonSignIn() {
  const inbox = await chromium.open('en-CA');
  const { page } = inbox;
  await openAccounts(page, 'en-CA');
  await page.getByRole('button', { name: 'Connect an account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect an account' });
  await dialog.getByRole('button', { name: 'Mastodon' }).click();
  await screenshot(page, 'connect-mastodon-en-CA');
  await page.keyboard.type(peers.snac.url);
  const [signInTab] = await Promise.all([page.context().waitForEvent('page'), inbox.press('Enter')]);
  return { inbox, page, dialog, signInTab };
}

describe('a real Mastodon account in Chromium', () => {
  it('signs in through the server’s page opened by the app, brings a mention, answers it once and blocks its author, seen on snac', async () => {
    const [brand, fan] = await Promise.all([createSnacAccount(peers, 'brand'), createSnacAccount(peers, 'fan')]);
    const [brandToken, fanToken] = await Promise.all([snacToken(peers, brand), snacToken(peers, fan)]);
    const brandClient = mastoClient(peers.snac.url, brandToken);
    const fanClient = mastoClient(peers.snac.url, fanToken);

    const inbox = await chromium.open('fr-CA', { beforeLoad: (harness) => harness.call('outbox.setUndoDelay', { undoSendMs: 0 }) });
    const { page } = inbox;
    await openAccounts(page, 'fr-CA');
    await page.getByRole('button', { name: 'Connecter un compte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connecter un compte' });
    await dialog.getByRole('button', { name: 'Mastodon' }).click();
    await screenshot(page, 'connect-mastodon-fr-CA');
    await page.keyboard.type(peers.snac.url);
    // The app opens the server's sign-in page in a new tab: the person signs in there.
    const [signInTab] = await Promise.all([page.context().waitForEvent('page'), inbox.press('Enter')]);
    await dialog.getByText(`En attente de votre connexion sur ${peers.snac.url}…`).waitFor();
    await screenshot(page, 'connect-mastodon-waiting-fr-CA');
    await signInTab.waitForLoadState();
    await signInTab.locator('input[name="login"]').fill(brand.name);
    await signInTab.locator('input[name="passwd"]').fill(brand.password);
    // snac's form redirects to the core's loopback listener, which ends the sign-in.
    await Promise.all([signInTab.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/pieuvre\/mastodon\/callback/), signInTab.locator('input[name="passwd"]').press('Enter')]);
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('listitem', { name: new RegExp(`^${brand.name}`) });
    await row.getByText('Connecté', { exact: true }).waitFor({ timeout: 15_000 });
    await signInTab.close();

    // A Bluesky account beside it, for the page with both platforms connected.
    const bluesky = await personOn(peers, 'brand');
    await connectBlueskyWithKeyboard(inbox, { handle: bluesky.account.handle, appPassword: bluesky.account.appPassword, server: peers.bluesky.pds, connectLabel: 'Connecter un compte' });
    await page.getByRole('listitem', { name: bluesky.account.handle }).getByText('Connecté', { exact: true }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'accounts-both-connected-fr-CA');

    await fanClient.v1.statuses.create({ status: `@${brand.name} avez-vous des croissants sans gluten?`, visibility: 'public' });
    const hasMention = () => inbox.harness.core.context.db.prepare("SELECT 1 FROM messages WHERE text LIKE '%sans gluten%'").get() !== undefined;
    await syncUntil(page, row, 'Synchroniser maintenant', hasMention);
    await page.getByRole('button', { name: 'Retour à la boîte de réception' }).click();
    await page.locator('[role="option"]', { hasText: 'sans gluten' }).click();
    await page.locator('#composer-text').focus();
    await page.keyboard.type('Oui, le samedi matin!');
    await page.keyboard.press('Control+Enter');
    const fanAccount = await fanClient.v1.accounts.verifyCredentials();
    const repliesFromBrand = async () => {
      const statuses = await brandClient.v1.accounts.$select((await brandClient.v1.accounts.verifyCredentials()).id).statuses.list({ limit: 20 });
      return statuses.filter((status) => status.inReplyToId !== null).map((status) => status.content.replace(/<[^>]+>/g, ''));
    };
    const replies = await waitFor(async () => ((await repliesFromBrand()).length > 0 ? repliesFromBrand() : undefined), 'the brand’s reply on snac');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Oui, le samedi matin!');

    const message = page.locator('.message', { hasText: 'sans gluten' });
    await message.getByRole('button', { name: 'Modérer ce message' }).click();
    await screenshot(page, 'moderation-menu-mastodon-fr-CA');
    const block = message.getByRole('menuitem', { name: /^Bloquer .* sur Mastodon…$/ });
    const blockTitle = (await block.textContent())?.replace(/…$/, '?') ?? '';
    await block.click();
    await page.getByRole('dialog', { name: blockTitle }).getByRole('button', { name: 'Bloquer', exact: true }).click();
    await expect.poll(async () => (await brandClient.v1.accounts.relationships.fetch({ id: [await idOnBrandServer(fanAccount.acct)] }))[0]?.blocking, { timeout: 15_000 }).toBe(true);

    await switchLanguage(page, 'en');
    await openAccounts(page, 'en-CA');
    await page.getByRole('listitem', { name: bluesky.account.handle }).getByText('Connected', { exact: true }).waitFor();
    await screenshot(page, 'accounts-both-connected-en-CA');

    async function idOnBrandServer(acct: string): Promise<string> {
      return (await brandClient.v1.accounts.lookup({ acct })).id;
    }
  }, 120_000);

  it('waits with the code box ready while the person signs in, and Escape cancels: the core stops listening for the redirect', async () => {
    const { inbox, page, dialog, signInTab } = await startMastodonSignIn();
    await dialog.getByText(`Waiting for you to sign in on ${peers.snac.url}…`).waitFor();
    expect(await inbox.hasFocus(dialog.getByLabel('Then paste the code here'))).toBe(true);
    // “10:42 p.m.” as Canadian English writes it, with no second period after it.
    expect(await dialog.getByText(/^Sign in by /).textContent()).toMatch(/^Sign in by \d{1,2}:\d\d\s[ap]\.m\.: this sign-in expires then\.$/);
    await screenshot(page, 'connect-mastodon-waiting-en-CA');
    const redirectUri = new URL(signInTab.url()).searchParams.get('redirect_uri') ?? '';
    expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await inbox.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The sign-in is forgotten: its one-shot listener is closed, so a late redirect finds no one.
    await expect.poll(() => fetch(redirectUri).then(() => 'answered', () => 'closed'), { timeout: 10_000 }).toBe('closed');
  });

  it('connects with the code the server shows when the browser cannot come back: the page opened from the dialog, the code pasted', async () => {
    const brand = await createSnacAccount(peers, 'coded');
    const { inbox, page, dialog, signInTab } = await startMastodonSignIn();
    await signInTab.close();
    const [codeTab] = await Promise.all([page.context().waitForEvent('page'), dialog.getByRole('link', { name: 'Open the page that shows a code instead' }).click()]);
    await codeTab.waitForLoadState();
    expect(new URL(codeTab.url()).searchParams.get('redirect_uri')).toBe('urn:ietf:wg:oauth:2.0:oob');
    await codeTab.locator('input[name="login"]').fill(brand.name);
    await codeTab.locator('input[name="passwd"]').fill(brand.password);
    await codeTab.locator('input[name="passwd"]').press('Enter');
    await codeTab.waitForLoadState();
    const code = (await codeTab.locator('body').innerText()).trim();
    expect(code).not.toBe('');
    await dialog.getByLabel('Then paste the code here').fill(code);
    await screenshot(page, 'connect-mastodon-code-en-CA');
    await inbox.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('listitem', { name: new RegExp(`^${brand.name}`) }).getByText('Connected', { exact: true }).waitFor({ timeout: 15_000 });
  }, 90_000);
});
