import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/api/accounts';
import { answerOnTheWire } from './answerOnTheWire';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();

const demoCount = (inbox: InboxPage) => inbox.harness.core.context.db.prepare<[], number>('SELECT count(*) FROM accounts WHERE is_demo = 1').pluck().get();

describe('the Accounts page in Chromium', () => {
  it('opens from the sidebar and with Ctrl+K, lists the demo accounts in their own group, Escape goes back to the inbox, and Ctrl+K “connect” opens the connect dialog', async () => {
    const inbox = await chromium.open();
    const { page } = inbox;
    await page.getByRole('navigation').getByRole('button', { name: 'Accounts', exact: true }).click();
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    const demo = page.getByRole('region', { name: 'Demo' });
    await expect.poll(() => demo.getByRole('listitem').count()).toBe(demoCount(inbox));
    expect(await page.getByRole('region', { name: 'Your accounts' }).getByText('No account is connected yet.', { exact: false }).isVisible()).toBe(true);
    expect(await inbox.list.isVisible()).toBe(false);

    await inbox.press('Escape');
    await inbox.list.waitFor();
    await inbox.focusList();
    await inbox.press('Control+k');
    await page.keyboard.type('Accounts');
    await inbox.press('Enter');
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();

    // A newcomer types what they want to do: "connect" finds the connect dialog, from the inbox too.
    await inbox.press('Escape');
    await inbox.list.waitFor();
    await inbox.focusList();
    await inbox.press('Control+k');
    await page.keyboard.type('connect');
    await inbox.press('Enter');
    const connect = page.getByRole('dialog', { name: 'Connect an account' });
    await connect.waitFor();
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    expect(await inbox.hasFocus(connect.getByRole('button', { name: 'Bluesky' }))).toBe(true);
  });

  it('removes the demo after asking (Escape keeps it), and it is gone from the page and the inbox', async () => {
    const inbox = await chromium.open();
    const { page } = inbox;
    await page.getByRole('navigation').getByRole('button', { name: 'Accounts', exact: true }).click();
    const remove = page.getByRole('button', { name: 'Remove the demo…' });
    await remove.click();
    const confirm = page.getByRole('dialog', { name: 'Remove the demo?' });
    expect(await inbox.hasFocus(confirm.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await inbox.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(demoCount(inbox)).toBeGreaterThan(0);

    // Confirmed by keyboard: the Remove button goes with the demo, so the keyboard lands on the page's heading.
    await remove.click();
    await confirm.getByRole('button', { name: 'Remove the demo', exact: true }).focus();
    await inbox.press('Enter');
    await page.getByRole('region', { name: 'Demo' }).waitFor({ state: 'detached' });
    await expect.poll(() => inbox.hasFocus(page.getByRole('heading', { name: 'Accounts', level: 1 }))).toBe(true);
    await page.getByText('The demo is removed.').waitFor();
    expect(demoCount(inbox)).toBe(0);
    await page.getByRole('button', { name: 'Back to the inbox' }).click();
    await page.getByText('Nothing here. Inbox zero!').waitFor();
  });

  it('sets how far back a new account reads in Settings → Accounts', async () => {
    const inbox = await chromium.open('en-CA');
    const tab = await inbox.openSettings('Accounts');
    const days = tab.getByLabel('How far back to read when an account is connected');
    await expect.poll(() => days.inputValue()).toBe('7');
    await days.selectOption({ label: '30 days' });
    await expect.poll(() => inbox.harness.call('accounts.settings', {})).toEqual({ backfillDays: 30 });
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.page.screenshot({ path: 'test-results/settings-accounts-en-CA-1000x700.png' });
    // Someone looking for "connect" in Settings is shown the way to the Accounts page.
    await tab.getByRole('button', { name: 'Go to Accounts' }).click();
    await inbox.page.getByRole('dialog').waitFor({ state: 'detached' });
    await inbox.page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
  });
});

const MINUTE = 60_000;
/** One account in each state the page words, the long names French and fediverse servers have. */
function accountsInEveryState(now: number): AccountView[] {
  const base = { externalId: 'x', isDemo: false, createdAt: now - 86_400_000, backfillProgress: null, resumesAt: null, lastProblem: null, syncIntervalMs: MINUTE, limits: null };
  return [
    { ...base, id: 'a1', platform: 'bluesky', name: 'Boulangerie Marie-Ève Lachance-Tremblay', handle: 'boulangerie-marie-eve-lachance-tremblay.bsky.social', server: 'https://morel.us-east.host.bsky.network', state: 'syncing', backfillProgress: 0.42, lastSyncAt: null },
    { ...base, id: 'a2', platform: 'mastodon', name: 'Café', handle: 'cafe@mastodon.example', server: 'mastodon.example', state: 'connected', lastSyncAt: now - 2 * MINUTE, syncIntervalMs: 5 * MINUTE },
    { ...base, id: 'a3', platform: 'mastodon', name: 'Atelier', handle: 'atelier@un-serveur-au-nom-vraiment-tres-long.example', server: 'un-serveur-au-nom-vraiment-tres-long.example', state: 'rate_limited', resumesAt: now + 14 * MINUTE, lastSyncAt: now - 30 * MINUTE, lastProblem: { code: 'rate_limited', message: '429', at: now - MINUTE } },
    { ...base, id: 'a4', platform: 'bluesky', name: 'Boutique', handle: 'boutique.example', server: null, state: 'needs_reconnecting', lastSyncAt: now - 3 * 60 * MINUTE, lastProblem: { code: 'auth', message: 'Token has been revoked', at: now - 60 * MINUTE } },
    { ...base, id: 'a5', platform: 'bluesky', name: 'Paused', handle: 'paused.bsky.social', server: null, state: 'paused', lastSyncAt: now - 26 * 60 * MINUTE },
    { ...base, id: 'a6', platform: 'mastodon', name: 'Failing', handle: 'failing@social.example', server: 'social.example', state: 'failing', lastSyncAt: now - 10 * MINUTE, lastProblem: { code: 'unexpected', message: 'TypeError: x is undefined', at: now - 5 * MINUTE } },
    { ...base, id: 'a7', platform: 'mastodon', name: 'Offline', handle: 'offline@social.example', server: 'social.example', state: 'offline', lastSyncAt: now - 10 * MINUTE, lastProblem: { code: 'offline', message: 'ECONNREFUSED', at: now - 5 * MINUTE } },
  ];
}

/**
 * States the local servers cannot bring about on demand (rate-limited until a time, failing on an
 * unexpected error, offline, a backfill caught mid-way) are answered on the wire; the others are
 * caused for real in realAccountStates.e2e.test.ts.
 */
describe('the Accounts page with the accounts service answered on the wire', () => {
  it.each(['en-CA', 'fr-CA'])('words every state in %s and stays inside the window at 1000×700 and 1600×1000', async (locale) => {
    mkdirSync('test-results', { recursive: true });
    const inbox = await chromium.open(locale, { preparePage: (page) => answerOnTheWire(page, { 'accounts.list': accountsInEveryState(Date.now()) }) });
    const { page } = inbox;
    const isFrench = locale === 'fr-CA';
    await page.getByRole('navigation').getByRole('button', { name: isFrench ? 'Comptes' : 'Accounts', exact: true }).click();
    const row = (handle: string) => page.getByRole('listitem', { name: handle });
    await row('boutique.example').getByText(isFrench ? 'Pieuvre n’a plus accès à ce compte. Reconnectez-le.' : 'Pieuvre lost access to this account. Reconnect it.').waitFor();
    expect(await row('cafe@mastodon.example').getByText(isFrench ? /^Synchronisé il\sy\sa\s2\smin/ : /^Synced 2\smins?\sago/).count()).toBe(1);
    expect(await row('boulangerie-marie-eve-lachance-tremblay.bsky.social').getByRole('progressbar').getAttribute('value')).toBe('0.42');
    expect(await row('paused.bsky.social').getByRole('button', { name: isFrench ? 'Reprendre' : 'Resume' }).count()).toBe(1);
    expect(await row('failing@social.example').getByText('TypeError: x is undefined', { exact: false }).count()).toBe(1);
    for (const [width, height] of [[1000, 700], [1600, 1000]] as const) {
      await page.setViewportSize({ width, height });
      // Long handles and servers are cut short with an ellipsis: nothing spills out of its column or the page.
      const overflows = await page.locator('.accounts-page, .account-row, .account-identity, .account-status').evaluateAll((elements) => elements.map((element) => element.scrollWidth - element.clientWidth));
      expect(overflows.filter((overflow) => overflow > 0)).toEqual([]);
      await page.screenshot({ path: `test-results/accounts-${locale}-${width}x${height}.png` });
    }
    await page.getByRole('button', { name: isFrench ? 'Connecter un compte' : 'Connect an account' }).click();
    await page.screenshot({ path: `test-results/connect-${locale}.png` });
    await inbox.press('Enter');
    await page.locator('#bluesky-identifier').waitFor();
    await page.screenshot({ path: `test-results/connect-bluesky-${locale}.png` });
  });
});
