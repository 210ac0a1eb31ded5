import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/api/accounts';
import type { RequestMessage } from '../../shared/api/wire';
import { PlatformApps } from '../../electron/core/accounts/platformApps';
import type { OAuthProvider } from '../../electron/core/connectors/oauth/oauthProvider';
import { OAuthSignIns } from '../../electron/core/connectors/oauth/oauthSignIns';
import { consentAndRedirect, routeTable } from '../../electron/core/testing/contractServer';
import { RecordedServer } from '../../electron/core/testing/recordedServer';
import { ScriptedSyncPlatform } from '../../electron/core/testing/scriptedSyncPlatform';
import type { Harness } from '../harness/startHarness';
import { answerOnTheWire } from './answerOnTheWire';
import { useInboxInChromium } from './inChromium';
import { hiddenBy } from './inSight';

const chromium = useInboxInChromium();
const CLIENT_ID = '123-pieuvre.apps.googleusercontent.com';
const CLIENT_SECRET = 'GOCSPX-test-secret';

/** Google's sign-in as a local server plays it: consent sends the browser back with a code, which the token endpoint takes from this app only. */
async function googleStandIn(): Promise<{ server: RecordedServer; provider: OAuthProvider }> {
  const server = await RecordedServer.start(
    routeTable({
      'GET /o/oauth2/v2/auth': (request) => consentAndRedirect(request, 'code-1'),
      'POST /token': (request) => {
        const form = request.body as Record<string, string>;
        return form.client_id === CLIENT_ID && form.client_secret === CLIENT_SECRET ? { body: { access_token: 'ya29.token', token_type: 'Bearer', expires_in: 3599, refresh_token: '1//refresh' } } : { status: 401, body: { error: 'invalid_client' } };
      },
    }),
  );
  const provider: OAuthProvider = {
    platform: 'youtube',
    authorizationEndpoint: `${server.url}/o/oauth2/v2/auth`,
    tokenEndpoint: `${server.url}/token`,
    scopes: ['https://www.googleapis.com/auth/youtube.force-ssl'],
    scopeSeparator: ' ',
    usesPkce: true,
    clientAuthentication: 'client_secret_post',
    redirect: { port: 0, path: '/pieuvre/youtube/callback' },
    extraAuthorizationParams: { access_type: 'offline' },
    signedIn: async (tokens) => [{ platform: 'youtube', externalId: 'UC-brand', handle: '@brulerie', name: 'Brûlerie du Quartier', server: null, secret: tokens.accessToken }],
  };
  return { server, provider };
}

/** The app with YouTube wired to the stand-in: the runner reads the person's app from the harness core, as the app's does. */
function youtubeCore(provider: OAuthProvider) {
  let harness: Harness | undefined;
  const signIns = new OAuthSignIns({
    providers: { youtube: provider },
    apps: (platform) => (harness ? new PlatformApps(harness.core.context.db, () => harness!.core.secrets(), Date.now).credentials(platform) : Promise.resolve(null)),
    fetch,
    now: Date.now,
  });
  return {
    core: { platforms: { factories: { youtube: new ScriptedSyncPlatform('youtube') }, signIns: { oauth: signIns } } },
    beforeLoad: (started: Harness) => void (harness = started),
    close: () => signIns.close(),
  };
}

describe('a wave-2 platform’s app and sign-in in Chromium', () => {
  /** What the test reads, in each language. */
  const WORDS = {
    'en-CA': { accounts: 'Accounts', connect: 'Connect an account', createClient: 'Create an OAuth client', nothingToRegister: '2. Nothing to register', clientId: 'Client ID', secret: 'Client secret', secretKept: 'A secret is stored', refused: 'The platform did not complete the sign-in. If your app’s ID or secret (step 3) is wrong' },
    'fr-CA': { accounts: 'Comptes', connect: 'Connecter un compte', createClient: 'Créer un client OAuth', nothingToRegister: '2. Rien à inscrire', clientId: 'ID client', secret: 'Code secret du client', secretKept: 'Une clé secrète est enregistrée', refused: 'La plateforme n’a pas terminé la connexion. Si l’identifiant ou la clé secrète de votre application (étape\u00a03) est erroné' },
  } as const;

  it.each(['fr-CA', 'en-CA'] as const)('sets up a YouTube app in %s (steps, nothing to register, client id and secret) by keyboard, is told in sight that Google refused a wrong secret, and signs in through the browser', async (locale) => {
    const words = WORDS[locale];
    const { server, provider } = await googleStandIn();
    const wiring = youtubeCore(provider);
    try {
      const inbox = await chromium.open(locale, { core: wiring.core, beforeLoad: wiring.beforeLoad });
      const { page } = inbox;
      await page.setViewportSize({ width: 1000, height: 700 });
      await page.getByRole('navigation').getByRole('button', { name: words.accounts, exact: true }).click();
      await page.getByRole('button', { name: words.connect }).click();
      const dialog = page.getByRole('dialog', { name: words.connect });
      await dialog.getByRole('button', { name: 'YouTube' }).click();
      await dialog.getByRole('link', { name: words.createClient }).waitFor();
      // Google's desktop clients take any port on 127.0.0.1: no address to register, and none shown to copy.
      await dialog.getByRole('heading', { name: new RegExp(`^${words.nothingToRegister}`) }).waitFor();
      expect(await dialog.getByRole('textbox').count()).toBe(2);
      // The client id field has the focus: the person pastes, Tab to the secret, Enter signs in.
      await page.keyboard.type(CLIENT_ID);
      await page.keyboard.press('Tab');
      await page.keyboard.type('GOCSPX-not-the-secret');
      // Google refuses the code's exchange with the wrong secret: the platform's refusal and its words
      // (not "refused in the browser"), scrolled into sight below the form; the focus is back on the client id.
      await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
      const refusal = dialog.getByRole('alert').filter({ hasText: words.refused });
      await refusal.getByText('invalid_client', { exact: false }).waitFor();
      expect(await hiddenBy(refusal)).toBeNull();
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: `test-results/connect-youtube-refused-${locale}-1000x700.png` });
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('app-client-id');
      await page.keyboard.press('Tab');
      await page.keyboard.type(CLIENT_SECRET);
      await page.screenshot({ path: `test-results/connect-youtube-${locale}-1000x700.png` });
      const [signInTab] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
      await signInTab.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/pieuvre\/youtube\/callback/u);
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('listitem', { name: '@brulerie', exact: true }).waitFor();

      const db = inbox.harness.core.context.db;
      expect(db.prepare('SELECT client_id, has_secret FROM platform_apps').all()).toEqual([{ client_id: CLIENT_ID, has_secret: 1 }]);
      expect(server.received('POST', '/token')).toHaveLength(2);

      // Opened again, the setup shows the id kept and says a secret is stored, never the secret.
      await page.getByRole('button', { name: words.connect }).click();
      await dialog.getByRole('button', { name: 'YouTube' }).click();
      expect(await dialog.getByLabel(words.clientId, { exact: true }).inputValue()).toBe(CLIENT_ID);
      expect(await dialog.getByLabel(words.secret).inputValue()).toBe('');
      await dialog.getByText(words.secretKept, { exact: false }).waitFor();
    } finally {
      wiring.close();
      await server.close();
    }
  });
});

const HOUR = 3_600_000;
/** One account for each kind of limit the rows word: quota (slowed), spend against a budget, spend with none, a rate limit, what platforms cannot do. */
function accountsWithLimits(now: number): AccountView[] {
  const base = { isDemo: false, createdAt: now - 86_400_000, backfillProgress: null, resumesAt: null, lastProblem: null, syncIntervalMs: 60_000, server: null, state: 'connected' as const, lastSyncAt: now - 60_000 };
  return [
    { ...base, id: 'yt', platform: 'youtube', externalId: 'UC1', name: 'Brûlerie du Quartier', handle: '@brulerie', limits: { budget: { unit: 'quota_units', used: 9_250, limit: 10_000, resetsAt: now + 5 * HOUR, isSlowed: true }, rateLimit: null, cannot: ['youtube_no_dms'] } },
    { ...base, id: 'x1', platform: 'x', externalId: 'x1', name: 'Brûlerie', handle: '@brulerie_mtl', limits: { budget: { unit: 'usd', used: 12.4, limit: 25, resetsAt: now + 10 * 24 * HOUR, isSlowed: false }, rateLimit: { remaining: 3, limit: 15, resetsAt: now + HOUR / 4 }, cannot: ['x_replies_need_mention', 'x_pay_per_use'] } },
    { ...base, id: 'x2', platform: 'x', externalId: 'x2', name: 'Atelier', handle: '@atelier', limits: { budget: { unit: 'usd', used: 0.35, limit: null, resetsAt: null, isSlowed: false }, rateLimit: null, cannot: [] } },
    { ...base, id: 'ig', platform: 'instagram', externalId: 'ig1', name: 'Boutique', handle: 'boutique.mtl', limits: { budget: null, rateLimit: { remaining: null, limit: null, resetsAt: null }, cannot: ['instagram_mentions_by_webhook_only', 'meta_dm_window'] } },
    { ...base, id: 'fb', platform: 'facebook', externalId: 'fb1', name: 'Page Boutique', handle: 'Page Boutique', limits: { budget: null, rateLimit: { remaining: 180, limit: 200, resetsAt: now + HOUR }, cannot: ['meta_conversations_recent_only', 'meta_dm_window'] } },
    { ...base, id: 'rd', platform: 'reddit', externalId: 'rd1', name: 'brulerie', handle: 'u/brulerie', limits: { budget: null, rateLimit: { remaining: 94, limit: 100, resetsAt: now + 5 * 60_000 }, cannot: ['reddit_needs_approval'] } },
  ];
}

describe('account limits on the Accounts page, answered on the wire', () => {
  it.each(['en-CA', 'fr-CA'])('words quota, spend and budget, rate limits and what each platform cannot do in %s, and fits at 1000×700', async (locale) => {
    const isFrench = locale === 'fr-CA';
    const budgets: RequestMessage[] = [];
    const accounts = accountsWithLimits(Date.now());
    // These accounts are not in this core: the budget call is answered and seen on the wire, as the control sends it.
    const inbox = await chromium.open(locale, {
      preparePage: (page) => answerOnTheWire(page, { 'accounts.list': accounts, 'accounts.setMonthlyBudget': accounts[2] }, (request) => request.method === 'accounts.setMonthlyBudget' && budgets.push(request)),
    });
    const { page } = inbox;
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.getByRole('navigation').getByRole('button', { name: isFrench ? 'Comptes' : 'Accounts', exact: true }).click();
    const row = (handle: string) => page.getByRole('listitem', { name: handle, exact: true });
    await row('@brulerie').getByText(isFrench ? /750 unités de quota sur 10\s000 restantes aujourd’hui/u : '750 of 10,000 quota units left today', { exact: false }).waitFor();
    await row('@brulerie').getByText(isFrench ? 'La synchronisation est ralentie pour garder de quoi répondre.' : 'Syncing is slowed down to keep enough for replies.').waitFor();
    await row('@brulerie_mtl').getByText(isFrench ? /Dépensé ce mois-ci\s:\s12,40\s\$\sUS sur 25,00\s\$\sUS/u : /Spent this month: US\$12\.40 of US\$25\.00/u).waitFor();
    await row('@brulerie_mtl').getByText(isFrench ? '3 appels sur 15 restants' : '3 of 15 calls left', { exact: false }).waitFor();
    // A reset days away is said with its date ("le" in French), today's with its time ("à").
    await row('@brulerie_mtl').getByText(isFrench ? /12,40\s\$\sUS sur 25,00\s\$\sUS · remise à zéro le \d/u : /US\$25\.00 · resets on [A-Z]/u).waitFor();
    await row('boutique.mtl').getByText(isFrench ? 'dans les 24\u00a0heures; ensuite' : 'within 24 hours; after that', { exact: false }).waitFor();
    await row('@atelier').getByText(isFrench ? /aucun budget mensuel/u : /no monthly budget/u).waitFor();
    await row('boutique.mtl').getByText(isFrench ? 'Les mentions de ce compte dans les commentaires des autres' : 'Mentions of this account in other people’s comments', { exact: false }).waitFor();
    await row('u/brulerie').getByText(isFrench ? 'Reddit doit approuver votre application' : 'Reddit must approve your app', { exact: false }).waitFor();
    expect(await row('@brulerie').getByLabel(isFrench ? 'Budget mensuel en dollars américains' : 'Monthly budget in US dollars').count()).toBe(0);

    // The budget, by keyboard: a wrong amount is said; a right one goes to the core.
    const budget = row('@atelier').getByLabel(isFrench ? 'Budget mensuel en dollars américains' : 'Monthly budget in US dollars');
    await budget.fill(isFrench ? 'dix' : 'ten');
    await budget.press('Enter');
    await row('@atelier').getByText(isFrench ? 'Écrivez un montant en dollars, comme 25 ou 12,50.' : 'Write an amount in dollars, like 25 or 12.50.').waitFor();
    await budget.fill(isFrench ? '12,50' : '12.50');
    await budget.press('Enter');
    await expect.poll(() => budgets.length).toBe(1);
    expect(budgets[0]).toMatchObject({ method: 'accounts.setMonthlyBudget', input: { id: 'x2', usd: 12.5 } });

    const overflows = await page.locator('.accounts-page, .account-row, .account-limits').evaluateAll((elements) => elements.map((element) => element.scrollWidth - element.clientWidth));
    expect(overflows.filter((overflow) => overflow > 0)).toEqual([]);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: `test-results/account-limits-${locale}-1000x700.png`, fullPage: true });
  });
});
