import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseSchedule, WEEKDAYS } from '../../shared/schedule';
import { recordSender, type SenderRecord } from '../../electron/core/store/messageSender';
import type { Harness } from '../harness/startHarness';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ZONE = 'America/Toronto';

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const atMinute = (at: number) => at - (at % MINUTE);

/**
 * Hours in Toronto, every day: a shift that ended two hours ago and one that began five minutes
 * ago. Coming back to the app now is a return from two hours off, whenever the test runs.
 */
function hoursAroundNow(now: number) {
  const range = (from: number, to: number): [string, string] => [clock.format(from), clock.format(to)];
  const ranges = [range(now - 3 * HOUR, now - 2 * HOUR), range(now - 5 * MINUTE, now + 2 * HOUR)];
  return { offSince: atMinute(now - 2 * HOUR), schedule: parseSchedule({ timeZone: ZONE, weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, ranges])) }) };
}

/** What came in while I was off, on the demo's Facebook account: two urgent messages answered, an emoji, an old question. */
async function whileIWasOff(harness: Harness, now: number): Promise<void> {
  const { db } = harness.core.context;
  const account = db.prepare<[], { id: string; external_id: string; handle: string; name: string }>("SELECT id, external_id, handle, name FROM accounts WHERE platform = 'facebook' AND is_demo = 1").get();
  if (!account) throw new Error('The demo Facebook account is missing.');
  const brand = { externalId: account.external_id, handle: account.handle, name: account.name };
  const camille = await harness.call('team.add', { name: 'Camille Roy', schedule: null });
  const camilleSeq = db.prepare<[string], { seq: number }>('SELECT seq FROM people WHERE id = ?').get(camille.id)?.seq ?? null;
  const dm = (id: string, name: string, text: string, at: number, answer?: { at: number; by: SenderRecord }) => {
    const author = { externalId: `e2e-${id}`, handle: `@${id}`, name };
    const thread = `e2e-${id}-thread`;
    const items = [{ platform: 'facebook', kind: 'dm', externalId: `e2e-${id}-1`, threadExternalId: thread, author, text, createdAt: at }];
    if (answer) items.push({ platform: 'facebook', kind: 'dm', direction: 'out', externalId: `e2e-${id}-2`, threadExternalId: thread, author: brand, text: 'Nous vous appelons tout de suite.', createdAt: answer.at } as (typeof items)[number]);
    harness.core.context.ingest({ accountId: account.id, source: 'e2e', items });
    if (answer) recordSender(db, { accountId: account.id, externalId: `e2e-${id}-2` }, answer.by);
  };
  dm('parent', 'Marc Parent', 'Mon fils est à l’hôpital après votre muffin.', now - 90 * MINUTE, { at: now - 80 * MINUTE, by: { kind: 'person', personSeq: camilleSeq } });
  dm('allergy', 'Léa Allergie', 'Intoxication après votre sandwich, ma fille est à l’hôpital.', now - 70 * MINUTE, { at: now - 69 * MINUTE, by: { kind: 'away_reply' } });
  // Older than anything in the demo (three days at most): the emoji first, then a question.
  dm('thumbs', 'Pouce Levé', '👍🏽❤️❤️', now - 6 * DAY);
  dm('question', 'Vraie Question', 'Livrez-vous à Laval le dimanche?', now - 5 * DAY);
}

/** This computer runs on UTC; the person works in Toronto. */
const onUtc = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'UTC' });
};

type Words = {
  title: string;
  since: (when: string) => string;
  zone: string;
  byCamille: string;
  automatic: string;
  locale: string;
};

async function comesBackOnDuty(locale: string, words: Words, shot: string): Promise<void> {
  const now = Date.now();
  const { offSince, schedule } = hoursAroundNow(now);
  inbox = await chromium.open(locale, {
    preparePage: onUtc,
    beforeLoad: async (harness) => {
      await harness.call('duty.setSchedule', { schedule });
      await whileIWasOff(harness, now);
    },
  });
  const { page } = inbox;
  const dialog = page.getByRole('dialog', { name: words.title });
  // In Toronto's time, as the page's own Intl says it (not the UTC computer's, five hours later).
  // Québec French writes "samedi 1 h 05" and "samedi 9 h", where Intl pads the hour ("01 h 05") and keeps zero minutes.
  const quebec = (text: string) => (words.locale.startsWith('fr') ? text.replace(/\b0(\d) h/u, '$1 h').replace(/ h 00$/u, ' h') : text);
  const when = async (at: number, timeZone = ZONE) =>
    quebec(await page.evaluate(([value, zone, language]) => new Intl.DateTimeFormat(language, { weekday: 'long', hour: 'numeric', minute: '2-digit', timeZone: zone }).format(value), [at, timeZone, words.locale] as const));
  await dialog.getByText(words.since(await when(offSince)), { exact: true }).waitFor();
  expect(await dialog.getByText(words.since(await when(offSince, 'UTC')), { exact: true }).count()).toBe(0);
  await dialog.getByText(words.zone, { exact: true }).waitFor();
  const entry = (name: string) => dialog.locator('.digest-entry', { hasText: name }).locator('.digest-entry-detail');
  expect(await entry('Marc Parent').textContent()).toBe(`${words.byCamille} ${await when(now - 80 * MINUTE)}`);
  expect(await entry('Léa Allergie').textContent()).toBe(`${words.automatic} ${await when(now - 69 * MINUTE)}`);
  const waiting = dialog.locator('#digest-waiting + ul .digest-entry');
  expect(await waiting.locator('.digest-entry-author').textContent()).toBe('Vraie Question');
  expect(await dialog.getByText('Pouce Levé').count()).toBe(0);
  await screenshot(page, `since-you-left/digest-${shot}`);
  await page.setViewportSize({ width: 1000, height: 700 });
  await screenshot(page, `since-you-left/digest-${shot}-1000`);
  await waiting.scrollIntoViewIfNeeded();
  await screenshot(page, `since-you-left/digest-${shot}-1000-waiting`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, `since-you-left/digest-${shot}-1920`);
}

describe('"since you left" tells the truth, in Chromium', () => {
  it('back on duty: starts when my Toronto shift ended, in Toronto time, says who answered, and skips the emoji while waiting longest', { timeout: 60_000 }, async () => {
    await comesBackOnDuty(
      'en-CA',
      {
        title: 'Since you left',
        since: (when) => `Since you went off duty, ${when}`,
        zone: 'Times in Eastern Time (Toronto), the time zone of your hours.',
        byCamille: 'Camille Roy replied',
        automatic: 'Answered automatically',
        locale: 'en-CA',
      },
      'en',
    );
  });

  it('in French, the same truths in Québec words', { timeout: 60_000 }, async () => {
    await comesBackOnDuty(
      'fr-CA',
      {
        title: 'Depuis votre départ',
        since: (when) => `Depuis la fin de votre quart, ${when}`,
        zone: 'Heures indiquées selon le fuseau de votre horaire\u00a0: heure de l’Est (Toronto).',
        byCamille: 'Camille Roy a répondu',
        automatic: 'Réponse automatique',
        locale: 'fr-CA',
      },
      'fr',
    );
  });
});
