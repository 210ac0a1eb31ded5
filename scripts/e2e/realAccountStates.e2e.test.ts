import { RichText } from '@atproto/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/core/secrets/secret';
import { accountSecretName } from '../../electron/core/secrets/secretStore';
import { personOn } from '../../electron/core/testing/blueskyTestKit';
import { syncBluesky } from '../peers/blueskyAccounts';
import { ENSURE_PEERS_TIMEOUT_MS, ensurePeers, type PeerServers } from '../peers/peers';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { connectBlueskyWithKeyboard, openAccounts, screenshot } from './realAccountsPage';

/**
 * An account's states caused for real on the local Bluesky network, in French: a wrong app
 * password refused with its reason, paused and resumed, an app password revoked on the PDS
 * (needs reconnecting), and disconnecting with or without its history.
 */
const chromium = useInboxInChromium();
let peers: PeerServers;

beforeAll(async () => {
  peers = await ensurePeers();
}, ENSURE_PEERS_TIMEOUT_MS);

/** A brand on the PDS with a fan's mention waiting among its notifications. */
async function brandMentioned(text: string) {
  const [brand, fan] = await Promise.all([personOn(peers, 'brand'), personOn(peers, 'fan')]);
  const rich = new RichText({ text: `@${brand.account.handle} ${text}` });
  await rich.detectFacets(fan.agent);
  const mention = await fan.agent.post({ text: rich.text, facets: rich.facets });
  await expect
    .poll(async () => {
      await syncBluesky(peers);
      return (await brand.agent.listNotifications({})).data.notifications.some((notification) => notification.uri === mention.uri);
    }, { timeout: 15_000 })
    .toBe(true);
  return brand;
}

/** The stored Bluesky session with an access token the PDS refuses, as once it has expired: the refresh token stays. */
async function spoilAccessToken(inbox: InboxPage): Promise<void> {
  const { id } = inbox.harness.core.context.db.prepare<[], { id: string }>('SELECT id FROM accounts WHERE is_demo = 0').get() ?? { id: '' };
  const store = await inbox.harness.core.secrets();
  const name = accountSecretName(id, 'session');
  const session = (await store.get(name))?.reveal() ?? '{}';
  await store.set(name, new Secret(JSON.stringify({ ...JSON.parse(session), accessJwt: 'expired' })));
}

const hasMessage = (inbox: InboxPage, text: string) => inbox.harness.core.context.db.prepare('SELECT 1 FROM messages WHERE text LIKE ?').get(`%${text}%`) !== undefined;

describe('a real Bluesky account’s states in Chromium (fr-CA)', () => {
  it('refuses a wrong app password with the reason, pauses and resumes, needs reconnecting once revoked, and keeps its history when disconnected', async () => {
    const brand = await brandMentioned('la terrasse est-elle ouverte?');
    const inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    await openAccounts(page, 'fr-CA');
    await connectBlueskyWithKeyboard(inbox, { handle: brand.account.handle, appPassword: 'aaaa-bbbb-cccc-dddd', server: peers.bluesky.pds, connectLabel: 'Connecter un compte' });
    const dialog = page.getByRole('dialog', { name: 'Connecter un compte' });
    await dialog.getByRole('alert').getByText('Le nom d’utilisateur ou le mot de passe d’application est erroné.', { exact: false }).waitFor();
    await screenshot(page, 'connect-bluesky-refused-fr-CA');
    await dialog.getByLabel('Mot de passe d’application').fill(brand.account.appPassword);
    await dialog.getByLabel('Mot de passe d’application').press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('listitem', { name: brand.account.handle });
    await row.getByText('Connecté', { exact: true }).waitFor({ timeout: 15_000 });
    await expect.poll(() => hasMessage(inbox, 'la terrasse')).toBe(true);

    await row.getByRole('button', { name: 'Mettre en pause' }).click();
    await row.getByText('En pause', { exact: true }).waitFor();
    // While paused, the app password is revoked on the PDS and the session's access token runs out
    // (after two hours for real; here its stored copy is spoiled): resuming must renew it, and the PDS refuses.
    await brand.agent.com.atproto.server.revokeAppPassword({ name: 'pieuvre' });
    await spoilAccessToken(inbox);
    await row.getByRole('button', { name: 'Reprendre' }).click();
    await expect.poll(() => inbox.harness.core.context.db.prepare('SELECT 1 FROM accounts WHERE needs_reconnecting = 1').get() !== undefined, { timeout: 15_000 }).toBe(true);
    await row.getByText('À reconnecter', { exact: true }).waitFor();
    await row.getByText('Pieuvre n’a plus accès à ce compte. Reconnectez-le.').waitFor();
    await screenshot(page, 'accounts-needs-reconnecting-fr-CA');

    await row.getByRole('button', { name: 'Déconnecter…' }).click();
    await page.getByRole('dialog', { name: `Déconnecter ${brand.account.handle}\u00a0?` }).getByRole('button', { name: 'Garder ses conversations' }).click();
    // Kept with its history, it stays listed as disconnected, to be reconnected; the problem it had is behind it.
    await row.getByText('Déconnecté', { exact: true }).waitFor();
    expect(await row.getByText('Pieuvre n’a plus accès à ce compte.', { exact: false }).count()).toBe(0);
    await screenshot(page, 'accounts-disconnected-kept-fr-CA');
    await page.getByRole('button', { name: 'Retour à la boîte de réception' }).click();
    await page.locator('[role="option"]', { hasText: 'la terrasse' }).waitFor();
  }, 90_000);

  it('deletes its conversations when disconnected with them', async () => {
    const brand = await brandMentioned('vos muffins sont-ils végétaliens?');
    const inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    await openAccounts(page, 'fr-CA');
    await connectBlueskyWithKeyboard(inbox, { handle: brand.account.handle, appPassword: brand.account.appPassword, server: peers.bluesky.pds, connectLabel: 'Connecter un compte' });
    const row = page.getByRole('listitem', { name: brand.account.handle });
    await row.getByText('Connecté', { exact: true }).waitFor({ timeout: 15_000 });
    await expect.poll(() => hasMessage(inbox, 'muffins')).toBe(true);
    await row.getByRole('button', { name: 'Déconnecter…' }).click();
    await page.getByRole('dialog', { name: `Déconnecter ${brand.account.handle}\u00a0?` }).getByRole('button', { name: 'Supprimer aussi ses conversations' }).click();
    await row.waitFor({ state: 'detached' });
    await expect.poll(() => hasMessage(inbox, 'muffins')).toBe(false);
    await page.getByRole('button', { name: 'Retour à la boîte de réception' }).click();
    await inbox.options.first().waitFor();
    // The list refreshes on the change event, which may land just after the page is back.
    await expect.poll(() => page.locator('[role="option"]', { hasText: 'muffins' }).count()).toBe(0);
  }, 90_000);
});
