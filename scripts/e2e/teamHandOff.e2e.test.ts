import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from '../../electron/core/hub/testing/privatePostgres';
import { newTestHub } from '../../electron/core/hub/testing/testHub';
import { addAccount } from '../../electron/core/teamHub/sync/testing/syncDesktop';
import type { Harness } from '../harness/startHarness';
import { launchBrowser } from './browser';
import { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

/** Under SCREENS_DIR (PIEUVRE_SCREENS_DIR, else test-results/). */
const SHOTS = 'team-hand-off';
const NOTE = 'Client fâché : rappelle-le avant midi.';

// Two desktops at once: useInboxInChromium keeps one app per test, so this file opens and closes its own.
const rendererDir = inject('rendererDir');
let browser: Browser;
let cluster: PrivatePostgres;
const opened: InboxPage[] = [];
beforeAll(async () => {
  [browser, cluster] = await Promise.all([launchBrowser(), startPrivatePostgres()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  cluster?.stop();
});
afterEach(async () => {
  const errors = opened.flatMap((inbox) => inbox.pageErrors);
  for (const inbox of opened.splice(0)) await inbox.close();
  expect(errors).toEqual([]);
});

async function desktop(locale: string, beforeLoad?: (harness: Harness) => unknown): Promise<InboxPage> {
  const inbox = await InboxPage.open(browser, rendererDir, locale, { beforeLoad });
  opened.push(inbox);
  await inbox.page.setViewportSize({ width: 1000, height: 700 });
  return inbox;
}

/** A real Mastodon account (not the demo's) with one mention arriving now: the newest row of the inbox. */
function receiveOnRealAccount({ core }: Harness): void {
  const accountId = addAccount(core.context.db, { externalId: 'cafe-lune-109' });
  core.context.ingest({
    accountId,
    source: 'e2e',
    items: [{ platform: 'mastodon', kind: 'mention', externalId: 'team-1', threadExternalId: 'team-1', author: { externalId: 'eloise', handle: '@eloise', name: 'Éloïse' }, text: '@cafelune Ma commande n’est jamais arrivée.', createdAt: Date.now() }],
  });
}

describe('a hand-off across two desktops in Chromium, through a team workspace on PostgreSQL', () => {
  it('Julie creates the workspace and invites Marc in English; Marc joins in French; her keyboard hand-off is in his "Assignées à moi", note on top, with her viewing it', async () => {
    const hub = await newTestHub(cluster, { migrate: false });
    await hub.close();
    const julie = await desktop('en-CA', receiveOnRealAccount);
    const settings = await julie.openSettings('Team workspace');
    await settings.getByLabel('Connection URL').fill(hub.ownerUrl);
    await settings.getByLabel('Workspace name').fill('Équipe Soleil');
    await settings.getByLabel('Your name in the team').fill('Julie');
    await settings.getByRole('button', { name: 'Create the workspace' }).click();
    await settings.getByRole('heading', { name: 'Équipe Soleil' }).waitFor();
    await settings.getByLabel('Teammate’s name').fill('Marc');
    await settings.getByRole('button', { name: 'Make an invitation' }).click();
    const invitation = await settings.getByRole('textbox', { name: /^Invitation for Marc/u }).inputValue();
    await settings.getByRole('button', { name: 'Close' }).click();

    const marc = await desktop('fr-CA');
    await marc.page.getByRole('button', { name: 'Réglages', exact: true }).click();
    const joining = marc.page.getByRole('dialog', { name: 'Réglages' });
    await joining.getByRole('tab', { name: 'Espace d’équipe' }).click();
    await joining.getByLabel('Invitation', { exact: true }).fill(invitation);
    await joining.getByRole('button', { name: 'Se joindre' }).click();
    await joining.getByRole('listitem').filter({ hasText: 'Marc (vous)' }).waitFor();
    await joining.getByRole('button', { name: 'Fermer' }).click();

    // Julie opens the conversation and hands it off with the keyboard: H, a few letters, Enter, Tab to the note, Ctrl+Enter.
    const conversationId = julie.harness.core.context.db.prepare<[], string>("SELECT id FROM conversations WHERE thread_external_id = 'team-1'").pluck().get() ?? '';
    await julie.page.locator(`#conversation-${conversationId}`).click();
    await julie.page.locator('.pane-header h1').waitFor();
    await julie.focusList();
    await julie.press('H');
    const handOff = julie.page.getByRole('dialog', { name: 'Hand off to…' });
    await handOff.getByRole('option', { name: /^Marc/u }).waitFor();
    await julie.page.keyboard.type('mar');
    await julie.press('Enter');
    await handOff.getByRole('button', { name: 'Hand off to Marc' }).waitFor();
    await julie.press('Tab');
    await julie.page.keyboard.type(NOTE);
    await julie.press('Control+Enter');
    await handOff.waitFor({ state: 'detached' });
    await julie.page.locator('.note-card[data-note-kind="handoff"]').getByText(NOTE).waitFor();

    // On Marc's desktop, within a few seconds: in "Assignées à moi", Julie viewing it, her note on top.
    await marc.sidebarView('Assignées à moi').click();
    const row = marc.page.locator(`#conversation-${conversationId}`);
    await row.waitFor({ timeout: 10_000 });
    await expect.poll(() => row.locator('.presence-badge').getAttribute('title'), { timeout: 10_000 }).toBe('Julie consulte cette conversation');
    await screenshot(marc.page, `${SHOTS}/assigned-to-me-fr`);
    await row.click();
    const banner = marc.page.getByRole('region', { name: 'Note de transfert' });
    await banner.getByText('Julie vous a confié cette conversation').waitFor();
    await banner.getByText(NOTE).waitFor();
    expect(await marc.options.count()).toBe(1);
    await screenshot(marc.page, `${SHOTS}/hand-off-note-fr`);
    await screenshot(julie.page, `${SHOTS}/handed-off-en`);

    // Marc hands it straight back, within the minute: both desktops say two people assigned it.
    await marc.focusList();
    await marc.press('H');
    const back = marc.page.getByRole('dialog', { name: 'Confier à…' });
    await back.getByRole('option', { name: /^Julie/u }).waitFor();
    await marc.page.keyboard.type('jul');
    await marc.press('Enter');
    await back.getByRole('button', { name: 'Confier à Julie' }).waitFor();
    await marc.press('Tab');
    await marc.press('Control+Enter');
    await back.waitFor({ state: 'detached' });
    await marc.page.getByText('Julie a assigné cette conversation à Marc, et Marc à Julie un instant plus tard : vérifiez qui s’en occupe.').waitFor({ timeout: 10_000 });
    await julie.page.getByText('Julie assigned this conversation to Marc, and Marc to Julie a moment later: check who takes it.').waitFor({ timeout: 10_000 });
    // Right after the toast (a stale row would stay so), the row on each desktop names who has it now, the later assignment.
    const assigneeOn = (inbox: InboxPage) => inbox.page.locator(`#conversation-${conversationId}`).getAttribute('aria-label');
    await expect.poll(() => assigneeOn(marc), { timeout: 5_000 }).toMatch(/, assignée à Julie$/u);
    await expect.poll(() => assigneeOn(julie), { timeout: 5_000 }).toMatch(/, assigned to Julie$/u);
    // Given back without a note, it is no longer Marc's: "Julie vous a confié cette conversation" leaves his pane.
    await banner.waitFor({ state: 'detached', timeout: 5_000 });
    await screenshot(julie.page, `${SHOTS}/also-assigned-en`);
    await screenshot(marc.page, `${SHOTS}/also-assigned-fr`);
  }, 120_000);
});
