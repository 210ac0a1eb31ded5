import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from '../../electron/core/hub/testing/privatePostgres';
import { encodeInvitation } from '../../electron/core/hub/invitation';
import { HubClient } from '../../electron/core/hub/hubClient';
import { newTeamKey, seal } from '../../electron/core/hub/teamKey';
import { newId } from '../../electron/core/ids';
import { newTestHub } from '../../electron/core/hub/testing/testHub';
import { startCuttableProxy } from '../../electron/core/teamHub/testing/cuttableProxy';
import { useInboxInChromium } from './inChromium';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();
let cluster: PrivatePostgres;
beforeAll(async () => {
  cluster = await startPrivatePostgres();
}, 120_000);
afterAll(() => cluster?.stop());

describe('Settings → Team workspace in Chromium', () => {
  it('creates a workspace on a private PostgreSQL with the keyboard alone, shows it connected (also in the sidebar), and makes an invitation', async () => {
    const hub = await newTestHub(cluster, { migrate: false });
    await hub.close();
    const inbox = await chromium.open('en-CA');
    const { page } = inbox;
    expect(await page.getByRole('button', { name: /^Team workspace/u }).count()).toBe(0);
    const dialog = await inbox.openSettings('Team workspace');
    await dialog.getByRole('heading', { name: 'Create a team workspace on a PostgreSQL server' }).waitFor();

    await dialog.getByLabel('Connection URL').focus();
    await page.keyboard.type(hub.ownerUrl);
    await inbox.press('Tab');
    await page.keyboard.type('Équipe Soleil');
    await inbox.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Julie');
    await inbox.press('Tab', 'Tab');
    const create = dialog.getByRole('button', { name: 'Create the workspace' });
    expect(await inbox.hasFocus(create)).toBe(true);
    // First with the wrong password, then with nobody listening on the port: each refusal says what was wrong, and the keyboard stays on the button.
    const refused = async (url: string, why: string) => {
      await dialog.getByLabel('Connection URL').fill(url);
      await create.focus();
      await inbox.press('Enter');
      await dialog.getByRole('alert').filter({ hasText: why }).waitFor();
      expect(await inbox.hasFocus(create)).toBe(true);
    };
    const wrongPassword = new URL(hub.ownerUrl);
    wrongPassword.password = 'not-the-password';
    await refused(wrongPassword.toString(), 'The server refused the login: the role or its password is wrong.');
    await refused(`postgresql://julie:secret@127.0.0.1:1/${hub.database}`, 'The server does not answer: check the address (server name and port) and the network.');
    await dialog.getByLabel('Connection URL').fill(hub.ownerUrl);
    await create.focus();
    await inbox.press('Enter');

    await dialog.getByRole('heading', { name: 'Équipe Soleil' }).waitFor();
    // The form and its button are gone: the keyboard is on the workspace's title, not on the page.
    expect(await inbox.hasFocus(dialog.getByRole('heading', { name: 'Équipe Soleil' }))).toBe(true);
    expect(await dialog.locator('.hub-state').getAttribute('data-state')).toBe('connected');
    expect(await dialog.locator('.hub-facts').textContent()).toContain(`127.0.0.1:${cluster.port}/${hub.database}`);
    expect(await dialog.textContent()).not.toContain(new URL(hub.ownerUrl).password);
    await dialog.getByRole('listitem').filter({ hasText: 'Julie (you)' }).waitFor();

    // 45 days is past the limit: said in the app's words, not stopped silently by the browser.
    await dialog.getByLabel('Valid for (days)').fill('45');
    await dialog.getByLabel('Teammate’s name').focus();
    await page.keyboard.type('Marc');
    await inbox.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'Valid for (days) takes a whole number of days from 1 to 30.' }).waitFor();
    await dialog.getByLabel('Valid for (days)').fill('7');
    await dialog.getByLabel('Teammate’s name').focus();
    await inbox.press('Enter');
    const made = dialog.getByText(/^Invitation for Marc, valid until /u);
    await made.waitFor();
    expect(await dialog.getByRole('textbox', { name: /^Invitation for Marc/u }).inputValue()).toMatch(/^pieuvre-invitation-1\.[\w-]+$/u);
    // Listed at once, but not as if he were in already: his desktop has not used the invitation.
    await dialog.getByRole('listitem').filter({ hasText: 'Marc (invited, not joined yet)' }).waitFor();
    expect((await inbox.harness.call('team.list', {})).map((person) => person.name)).toContain('Marc');
    await screenshot(page, 'team-workspace/connected-en');

    // Removing Marc with the keyboard: Escape answers no and leaves Settings open; then yes, and the keyboard stays in the list.
    const removeMarc = dialog.getByRole('button', { name: 'Remove Marc' });
    await removeMarc.focus();
    await inbox.press('Enter');
    await dialog.getByRole('group', { name: 'Remove Marc' }).waitFor();
    await inbox.press('Escape');
    await removeMarc.waitFor();
    expect(await inbox.hasFocus(removeMarc)).toBe(true);
    await inbox.press('Enter', 'Shift+Tab', 'Enter');
    await dialog.getByRole('listitem').filter({ hasText: 'Marc (removed)' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Remove', exact: true }).count()).toBe(0);
    expect(await inbox.hasFocus(dialog.getByRole('heading', { name: 'Teammates' }))).toBe(true);

    // Marc invited again under the same name: each row says when it was invited, and so does its button.
    await dialog.getByLabel('Teammate’s name').fill('Marc');
    await dialog.getByLabel('Teammate’s name').focus();
    await inbox.press('Enter');
    await dialog.getByRole('listitem').filter({ hasText: /^Marc, invited .+ \(invited, not joined yet\)Remove$/u }).waitFor();
    await dialog.getByRole('listitem').filter({ hasText: /^Marc, invited .+ \(removed\)$/u }).waitFor();
    expect(await dialog.getByRole('button', { name: /^Remove Marc, invited /u }).count()).toBe(1);

    await dialog.getByRole('button', { name: 'Close' }).click();
    const indicator = page.getByRole('button', { name: 'Team workspace “Équipe Soleil”: Connected. Open its settings' });
    expect(await indicator.textContent()).toBe('Team: connected');
    await indicator.focus();
    await inbox.press('Enter');
    expect(await page.getByRole('tab', { name: 'Team workspace' }).getAttribute('aria-selected')).toBe('true');
  }, 90_000);

  it('opens from the palette, and says in French why an invitation or a blank field is refused', async () => {
    const inbox = await chromium.open('fr-CA');
    await inbox.focusList();
    await inbox.press('Control+k');
    await inbox.page.keyboard.type('Espace d’équipe');
    await inbox.press('Enter');
    const dialog = inbox.page.getByRole('dialog', { name: 'Réglages' });
    expect(await dialog.getByRole('tab', { name: 'Espace d’équipe' }).getAttribute('aria-selected')).toBe('true');
    await dialog.getByLabel('Invitation', { exact: true }).fill('bonjour');
    await dialog.getByRole('button', { name: 'Se joindre' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Ce n’est pas une invitation Pieuvre : elle commence par pieuvre-invitation-.' }).waitFor();
    await dialog.getByRole('button', { name: 'Créer l’espace' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Le champ « URL de connexion » ne peut pas être vide.' }).waitFor();
    await dialog.getByLabel('URL de connexion').fill(cluster.url('pas_de_base'));
    await dialog.getByLabel('Nom de l’espace').fill('Équipe Soleil');
    await dialog.getByLabel('Votre nom dans l’équipe').fill('Marc');
    await dialog.getByRole('button', { name: 'Créer l’espace' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Le serveur n’a aucune base de données de ce nom : vérifiez le nom à la fin de l’URL de connexion (après la dernière barre oblique).' }).waitFor();
    await screenshot(inbox.page, 'team-workspace/refused-fr');
  });

  it('joins with a pasted invitation in French, shows the workspace, whose computer polls the team’s account and the indicator, and leaves after a confirm saying the local copy stays', async () => {
    const hub = await newTestHub(cluster);
    const workspaceId = await hub.newWorkspace('Équipe Lune');
    const julieMember = await hub.newMember(workspaceId, { name: 'Julie' });
    const julie = await HubClient.connect(julieMember);
    const marc = await hub.newMember(workspaceId, { name: 'Marc' });
    await hub.close();
    const teamKey = newTeamKey();
    const invitation = encodeInvitation({ hubUrl: marc.url, workspaceId, role: marc.role, password: marc.password, teamKey, expiresAt: Date.now() + 86_400_000 });
    // Julie's computer already polls the team's account, whose token it shared sealed.
    const accountId = newId();
    const account = { platform: 'mastodon', externalId: '109', name: 'Café Lune', handle: '@cafelune', server: 'https://mastodon.example', businessHours: null, isPaused: 0, syncIntervalMs: 60_000, monthlyBudget: null, createdAt: Date.now() };
    await julie.push([{ id: newId(), entity: 'account', entityId: accountId, field: 'created', value: account, op: 'set', madeAt: Date.now() }]);
    await julie.putSealedSecret(seal(teamKey, `account:${accountId}:accessToken`, 'jeton-de-julie'));
    await julie.acquireLease(accountId, 600_000);
    await julie.close();

    const inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    await page.getByRole('button', { name: 'Réglages', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Réglages' });
    await dialog.getByRole('tab', { name: 'Espace d’équipe' }).click();
    await dialog.getByLabel('Invitation', { exact: true }).fill(invitation);
    await dialog.getByRole('button', { name: 'Se joindre' }).click();
    await dialog.getByRole('heading', { name: 'Équipe Lune' }).waitFor();
    expect(await inbox.hasFocus(dialog.getByRole('heading', { name: 'Équipe Lune' }))).toBe(true);
    expect(await dialog.locator('.hub-state').textContent()).toBe('Connecté');
    await dialog.getByRole('listitem').filter({ hasText: 'Marc (vous)' }).waitFor();
    expect(await dialog.getByRole('button', { name: /^Retirer/u }).count()).toBe(0);
    expect(await dialog.getByRole('heading', { name: 'Inviter un collègue' }).count()).toBe(0);
    await dialog.getByRole('listitem').filter({ hasText: 'Café Lune : L’ordinateur de Julie' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('navigation').getByRole('button', { name: /^Espace d’équipe « Équipe Lune » : Connecté/u }).textContent()).toBe('Équipe : connectée');
    await screenshot(page, 'team-workspace/joined-fr');

    // Julie disconnects the account on her computer: the list says so, not « Personne pour l’instant ».
    const julieAgain = await HubClient.connect(julieMember);
    await julieAgain.withdrawAccount(accountId);
    await julieAgain.close();
    await dialog.getByRole('listitem').filter({ hasText: 'Café Lune : Déconnecté sur l’ordinateur de Julie' }).waitFor({ timeout: 30_000 });

    const leave = dialog.getByRole('button', { name: 'Quitter l’espace' });
    await leave.click();
    await dialog.getByText('Quitter « Équipe Lune »? Cet ordinateur cessera de se synchroniser avec l’équipe. La boîte de réception reste ici comme copie locale.').waitFor();
    expect(await inbox.hasFocus(dialog.getByRole('button', { name: 'Rester' }))).toBe(true);
    await inbox.press('Enter');
    await leave.waitFor();
    expect(await inbox.hasFocus(leave)).toBe(true);
    await leave.click();
    await dialog.getByRole('button', { name: 'Quitter', exact: true }).click();
    await dialog.getByRole('heading', { name: 'Se joindre avec une invitation' }).waitFor();
    expect(await inbox.hasFocus(dialog.getByRole('heading', { name: 'Créer un espace d’équipe sur un serveur PostgreSQL' }))).toBe(true);
    expect(await page.getByRole('navigation').getByRole('button', { name: /^Espace d’équipe «/u }).count()).toBe(0);
    expect(await inbox.harness.call('hub.status', {})).toMatchObject({ state: 'local' });
  }, 60_000);

  it('says offline in the sidebar as soon as the server goes away, and connected once it is back', async () => {
    const proxy = await startCuttableProxy(cluster.port);
    const hub = await newTestHub(cluster, { migrate: false });
    await hub.close();
    const throughProxy = new URL(hub.ownerUrl);
    throughProxy.port = String(proxy.port);
    try {
      const inbox = await chromium.open('fr-CA');
      const { page } = inbox;
      await page.getByRole('button', { name: 'Réglages', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Réglages' });
      await dialog.getByRole('tab', { name: 'Espace d’équipe' }).click();
      await dialog.getByLabel('URL de connexion').fill(throughProxy.toString());
      await dialog.getByLabel('Nom de l’espace').fill('Équipe Soleil');
      await dialog.getByLabel('Votre nom dans l’équipe').fill('Julie');
      await dialog.getByRole('button', { name: 'Créer l’espace' }).click();
      await dialog.getByRole('heading', { name: 'Équipe Soleil' }).waitFor();
      await inbox.press('Escape');
      const indicator = page.getByRole('navigation').locator('.hub-indicator');
      await expect.poll(() => indicator.textContent()).toBe('Équipe : connectée');

      // The server's next check is 15 s away: the sync's dropped notices tell at once.
      await proxy.cut();
      await expect.poll(() => indicator.textContent(), { timeout: 5_000 }).toBe('Équipe : hors ligne');
      // The sidebar scrolled down to Réglages: back up to the indicator for the picture.
      await indicator.scrollIntoViewIfNeeded();
      await screenshot(page, 'team-workspace/offline-fr');
      // Sync now while offline: the connection's problem, said once.
      await indicator.click();
      await dialog.getByRole('button', { name: 'Synchroniser maintenant' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'Le serveur ne répond pas. Vérifiez l’adresse et le réseau; Pieuvre continue d’essayer.' }).waitFor();
      await page.waitForTimeout(500);
      expect(await dialog.getByRole('alert').count()).toBe(1);
      await inbox.press('Escape');
      await proxy.restore();
      await expect.poll(() => indicator.textContent(), { timeout: 10_000 }).toBe('Équipe : connectée');
    } finally {
      await proxy.close();
    }
  }, 60_000);
});
