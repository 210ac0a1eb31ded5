import { describe, expect, it } from 'vitest';
import { parseSchedule, WEEKDAYS } from '../../shared/schedule';
import { DEMO_TEAMMATES } from '../../electron/core/demo/demoTeammates';
import type { Harness } from '../harness/startHarness';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;
const HOUR = 3_600_000;

type Brand = { id: string; externalId: string; handle: string; name: string };
type Thread = { threadExternalId: string; contact: { externalId: string; handle: string; name: string } };

const demoFacebook = (harness: Harness): Brand => {
  const brand = harness.core.context.db
    .prepare<[], Brand>("SELECT id, external_id AS externalId, handle, name FROM accounts WHERE platform = 'facebook' AND is_demo = 1")
    .get();
  if (!brand) throw new Error('The demo Facebook account is missing.');
  return brand;
};

/** A demo direct-message thread the demo brand already answered. */
function answeredDemoThread(harness: Harness): Thread {
  const row = harness.core.context.db
    .prepare<[], { thread: string; externalId: string; handle: string; name: string }>(
      `SELECT c.thread_external_id AS thread, ct.external_id AS externalId, ct.handle, ct.name FROM conversations c
       JOIN accounts a ON a.seq = c.account_seq JOIN contacts ct ON ct.seq = c.contact_seq
       WHERE a.platform = 'facebook' AND a.is_demo = 1 AND c.kind = 'dm' AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_seq = c.seq AND m.direction = 'out')
       ORDER BY c.seq LIMIT 1`,
    )
    .get();
  if (!row) throw new Error('The demo has no answered direct message.');
  return { threadExternalId: row.thread, contact: { externalId: row.externalId, handle: row.handle, name: row.name } };
}

/** The Facebook demo account closed since an hour (UTC), its away replies on with the demo's template. */
async function awayRepliesOn(harness: Harness): Promise<void> {
  const hhmm = (at: number) => new Date(at).toISOString().slice(11, 16);
  const range: [string, string] = [hhmm(Date.now() - 5 * HOUR), hhmm(Date.now() - HOUR)];
  const accountId = demoFacebook(harness).id;
  await harness.call('accounts.setBusinessHours', { accountId, schedule: parseSchedule({ timeZone: 'UTC', weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, [range]])) }) });
  const template = (await harness.call('templates.list', {})).find((candidate) => candidate.shortcut === 'absent');
  await harness.call('awayReplies.setSettings', { accountId, settings: { isEnabled: true, templateId: template?.id ?? null, includesComments: false } });
  await harness.call('outbox.setUndoDelay', { undoSendMs: 0 });
}

const dm = (harness: Harness, externalId: string, thread: Thread, text: string, direction: 'in' | 'out' = 'in') => {
  const brand = demoFacebook(harness);
  harness.core.context.ingest({
    accountId: brand.id,
    source: 'e2e',
    items: [{ platform: 'facebook', kind: 'dm', direction, externalId, threadExternalId: thread.threadExternalId, author: direction === 'in' ? thread.contact : brand, text, createdAt: Date.now() - 1_000 }],
  });
};

const authorOf = (page: InboxPage, text: string | RegExp) => page.page.locator('.message[data-direction="out"]', { hasText: text }).locator('.message-author');

type Labels = { you: string; away: string; newcomer: RegExp; outside: (brand: string) => string; outsideHint: string; reply: string };
/** The demo template's away reply, in whichever language it picked. */
const AWAY_TEXT = /thanks for your message|merci pour votre message/;

/**
 * A demo conversation the demo's teammates answered, then answered by me from the composer, and
 * by the brand's own app outside Pieuvre; and an away reply in another: each named as what it is.
 */
async function everySenderNamed(inbox: InboxPage, labels: Labels, shot: string): Promise<void> {
  const { page, harness } = inbox;
  const thread = answeredDemoThread(harness);
  const marker = `e2e-${shot}`;
  dm(harness, `${marker}-in`, thread, `Une dernière question (${marker})`);
  // Its row shows its newest words (an away reply may follow mine): found by who wrote.
  await page.locator('[role="option"]', { hasText: thread.contact.name }).first().click();
  await page.locator('.message', { hasText: marker }).waitFor();
  const authors = page.locator('.message[data-direction="out"] .message-author');
  await authors.first().waitFor();
  // The demo's replies carry its teammates' names (and the away reply my message just got says so); nothing there says "You".
  const demoAuthors = await authors.allTextContents();
  expect(demoAuthors.filter((name) => (DEMO_TEAMMATES as readonly string[]).includes(name)).length).toBeGreaterThan(0);
  for (const name of demoAuthors) expect([...DEMO_TEAMMATES, labels.away]).toContain(name);

  await page.locator('#composer-text').fill(labels.reply);
  await page.locator('#composer-text').press('Control+Enter');
  await authorOf(inbox, labels.reply).getByText(labels.you, { exact: true }).waitFor();

  const brand = demoFacebook(harness);
  dm(harness, `${marker}-outside`, thread, 'Réponse écrite dans l’application Facebook.', 'out');
  const outside = authorOf(inbox, 'Réponse écrite dans l’application Facebook.');
  await outside.getByText(labels.outside(brand.name), { exact: true }).waitFor();
  expect(await outside.getAttribute('title')).toBe(labels.outsideHint);
  await screenshot(page, `who-wrote-what/${shot}-thread`);
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.locator('#conversation-pane').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
  await screenshot(page, `who-wrote-what/${shot}-thread-1000`);
  await page.setViewportSize({ width: 1440, height: 900 });

  const stranger: Thread = { threadExternalId: `${marker}-away`, contact: { externalId: `${marker}-marie`, handle: '@marieeve', name: 'Marie-Ève Tremblay' } };
  dm(harness, `${marker}-away-in`, stranger, 'Êtes-vous ouverts ce soir?');
  // The person is working in the list: the newcomer waits in its "new — show" bar.
  await page.getByRole('button', { name: labels.newcomer }).click();
  await page.locator('[role="option"]', { hasText: 'Marie-Ève Tremblay' }).first().click();
  await authorOf(inbox, AWAY_TEXT).getByText(labels.away, { exact: true }).waitFor();
  expect(await page.locator('.message[data-direction="out"] .message-author', { hasText: labels.you }).count()).toBe(0);
  await screenshot(page, `who-wrote-what/${shot}-away`);
}

describe('who wrote what, in Chromium', () => {
  it('names the demo’s teammates, “You” for my reply only, the away reply and the brand’s words from outside Pieuvre', { timeout: 60_000 }, async () => {
    inbox = await chromium.open('en-CA', { beforeLoad: awayRepliesOn });
    await everySenderNamed(
      inbox,
      { you: 'You', away: 'Automatic away reply', newcomer: /new — show$/, outside: (brand) => `${brand} (outside Pieuvre)`, outsideHint: 'Posted on Facebook directly or with another tool, not from Pieuvre', reply: 'Yes, we deliver on Sundays.' },
      'en',
    );
  });

  it('in French too: « Vous », « Réponse d’absence automatique », « (hors de Pieuvre) »', { timeout: 60_000 }, async () => {
    inbox = await chromium.open('fr-CA', { beforeLoad: awayRepliesOn });
    await everySenderNamed(
      inbox,
      { you: 'Vous', away: 'Réponse d’absence automatique', newcomer: /nouvelles? — afficher$/, outside: (brand) => `${brand} (hors de Pieuvre)`, outsideHint: 'Publié directement sur Facebook ou avec un autre outil, pas depuis Pieuvre', reply: 'Oui, nous livrons le dimanche.' },
      'fr',
    );
  });
});
