import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clippedText } from './clippedText';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ZONE = 'America/Toronto';
/** Monday, December 7, 2026, 10:00 in Toronto: the first day starts an hour into the shift. */
const MONDAY_10 = Date.parse('2026-12-07T15:00:00Z');
/** Tuesday 9:05 in Toronto: back at work the next morning. */
const TUESDAY_9_05 = Date.parse('2026-12-08T14:05:00Z');

type Words = {
  locale: string;
  size: { width: number; height: number };
  undo: string;
  you: string;
  draft: string;
  teammate: string;
  hoursCommand: string;
  monday: string;
  zone: string;
  saveHours: string;
  hoursSaved: string;
  goOff: string;
  offTitle: string;
  workingNow: string;
  digestTitle: string;
  since: (when: string) => string;
  newcomers: string;
  workingBanner: RegExp;
};

const FRENCH: Words = {
  locale: 'fr-CA',
  size: { width: 1000, height: 700 },
  undo: 'Annuler',
  you: 'Vous',
  draft: 'Brouillon',
  teammate: 'Camille Roy',
  hoursCommand: 'Mes heures de travail',
  monday: 'Lundi',
  zone: 'Fuseau horaire',
  saveHours: 'Enregistrer mes heures',
  hoursSaved: 'Vos heures sont enregistrées.',
  goOff: 'Je ne suis plus en service',
  offTitle: 'Vous êtes en dehors de vos heures',
  workingNow: 'Je travaille maintenant',
  digestTitle: 'Depuis votre départ',
  since: (when) => `Depuis la fin de votre quart, ${when}`,
  newcomers: '2 messages privés',
  workingBanner: /Travail en dehors de vos heures/,
};

const ENGLISH: Words = {
  locale: 'en-CA',
  size: { width: 1920, height: 1080 },
  undo: 'Undo',
  you: 'You',
  draft: 'Draft',
  teammate: 'Camille Roy',
  hoursCommand: 'My working hours',
  monday: 'Monday',
  zone: 'Time zone',
  saveHours: 'Save my hours',
  hoursSaved: 'Your hours are saved.',
  goOff: 'I am off now',
  offTitle: 'You are off duty',
  workingNow: 'I am working now',
  digestTitle: 'Since you left',
  since: (when) => `Since you went off duty, ${when}`,
  newcomers: '2 direct messages',
  workingBanner: /Working outside your hours/,
};

/** The core's clock and the page's, moved together: the day is walked in minutes, not hours. */
class TwoClocks {
  private shift = MONDAY_10 - Date.now();
  readonly core = () => Date.now() + this.shift;
  async jumpTo(page: Page, at: number): Promise<void> {
    this.shift = at - Date.now();
    await page.clock.setSystemTime(at);
  }
}

/** A picture of the step, and nothing on it cut off or past the window's edge. */
async function look(inbox: InboxPage, words: Words, step: string): Promise<void> {
  expect(await clippedText(inbox.page)).toEqual([]);
  await screenshot(inbox.page, `first-day/${words.locale}-${words.size.width}x${words.size.height}-${step}`);
}

async function command(inbox: InboxPage, name: string): Promise<void> {
  await inbox.focusList();
  await inbox.press('Control+k');
  await inbox.page.keyboard.type(name);
  await inbox.press('Enter');
}

/** A customer writing to the demo's Facebook page at a given time. */
function customerWrites(inbox: InboxPage, id: string, name: string, text: string, at: number): void {
  const { db } = inbox.harness.core.context;
  const facebook = db.prepare<[], { id: string }>("SELECT id FROM accounts WHERE platform = 'facebook'").get();
  inbox.harness.core.context.ingest({
    accountId: facebook?.id ?? '',
    source: 'e2e',
    items: [{ platform: 'facebook', kind: 'dm', externalId: id, threadExternalId: `${id}-thread`, author: { externalId: id, handle: `@${id}`, name }, text, createdAt: at }],
  });
}

/**
 * A whole first day as a new community manager lives it, in Toronto: triage with undo, a reply,
 * a draft left and found again, a hand-off, hours typed the Québec way, off duty, and back the
 * next morning to a "Since you left" that starts when the shift ended. Each step is pictured
 * and checked for cut-off text.
 */
async function firstDay(words: Words): Promise<void> {
  const clocks = new TwoClocks();
  const inbox = await chromium.open(words.locale, {
    core: { clock: clocks.core },
    preparePage: async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: ZONE });
      await page.clock.install({ time: MONDAY_10 });
      await page.setViewportSize(words.size);
    },
    beforeLoad: async (harness) => {
      await harness.call('team.add', { name: words.teammate, schedule: null });
      await harness.call('digest.dismiss', {});
    },
  });
  const { page } = inbox;
  const notice = page.locator('.toasts [role="status"] .toast').last();

  // Triage: done says so with Undo; z takes it back.
  await inbox.focusList();
  const first = await inbox.selectedId();
  await inbox.press('e');
  await notice.getByRole('button', { name: words.undo }).waitFor();
  await expect.poll(() => inbox.statusInCore(first)).toBe('done');
  await look(inbox, words, '1-done-with-undo');
  await inbox.press('z');
  await expect.poll(() => inbox.statusInCore(first)).toBe('open');
  await expect.poll(() => inbox.selectedId()).toBe(first);

  // A reply: the demo's earlier replies are its teammates', never mine; mine says so.
  await inbox.press('Enter');
  const mine = page.locator('.message[data-direction="out"] .message-author').getByText(words.you, { exact: true });
  expect(await mine.count()).toBe(0);
  await inbox.press('r');
  const composer = page.locator('#composer-text');
  // Typed before the composer has the keyboard, the words would be shortcuts on the list.
  await expect.poll(() => inbox.hasFocus(composer)).toBe(true);
  await page.keyboard.type('Merci de votre patience, on s’en occupe.');
  await page.keyboard.press('Control+Enter');
  await mine.first().waitFor();
  await look(inbox, words, '2-reply');

  // A draft left in another conversation, marked in the list, and found again.
  await inbox.focusList();
  await inbox.press('j', 'Enter');
  const second = await inbox.selectedId();
  await page.locator('#conversation-pane .pane-header h1', { hasText: await page.locator(`#conversation-${second} .row-author`).innerText() }).waitFor();
  await inbox.press('r');
  await expect.poll(() => inbox.hasFocus(composer)).toBe(true);
  await page.keyboard.type('Je vérifie avec la cuisine et je reviens');
  await page.locator(`#conversation-${first}`).click();
  const secondRow = page.locator(`#conversation-${second}`);
  await secondRow.locator('.chip.draft', { hasText: words.draft }).waitFor();
  await look(inbox, words, '3-draft-in-list');
  await secondRow.click();
  await expect.poll(() => composer.inputValue()).toBe('Je vérifie avec la cuisine et je reviens');

  // A hand-off to a teammate, with a note.
  await inbox.assign('cam', 'Elle connaît le traiteur');
  await secondRow.locator('.chip.assignee', { hasText: words.teammate }).waitFor();
  await look(inbox, words, '4-hand-off');

  // Hours typed the Québec way, in Toronto's zone (this computer's, here).
  await command(inbox, words.hoursCommand);
  const hours = page.getByRole('dialog', { name: words.hoursCommand });
  expect(await hours.getByLabel(words.zone).inputValue()).toBe(ZONE);
  const monday = hours.getByLabel(words.monday, { exact: true });
  await monday.focus();
  await monday.press('Control+a');
  await monday.pressSequentially('9h-17h');
  await look(inbox, words, '5-hours');
  await hours.getByRole('button', { name: words.saveHours }).click();
  await page.getByText(words.hoursSaved).waitFor();
  // Inside them: never "working outside your hours".
  expect(await page.getByText(words.workingBanner).count()).toBe(0);

  // Off duty at 10:30; two customers write in the evening; back the next morning.
  await clocks.jumpTo(page, MONDAY_10 + 30 * MINUTE);
  const wentOffAt = MONDAY_10 + 30 * MINUTE;
  await command(inbox, words.goOff);
  await page.getByRole('heading', { name: words.offTitle }).waitFor();
  await look(inbox, words, '6-off-duty');
  // Only these two write overnight: the demo's own traffic, two a minute, would have filled the
  // night with thousands more whenever its next poll fell between the jump to morning and the digest.
  await inbox.harness.call('demo.stop', {});
  customerWrites(inbox, 'first-day-thumbs', 'Pouce Levé', '👍🏽', wentOffAt + 8 * HOUR);
  customerWrites(inbox, 'first-day-question', 'Vraie Question', 'Livrez-vous à Laval le dimanche?', wentOffAt + 9 * HOUR);
  await clocks.jumpTo(page, TUESDAY_9_05);
  await page.getByRole('button', { name: words.workingNow }).click();

  // "Since you left" starts when I went off, on Toronto's clock; the two newcomers are counted, and
  // waiting longest is a real question (the demo's oldest), never the thumbs-up.
  const digest = page.getByRole('dialog', { name: words.digestTitle });
  const when = await page.evaluate(([at, zone, locale]) => new Intl.DateTimeFormat(locale, { weekday: 'long', hour: 'numeric', minute: '2-digit', timeZone: zone }).format(at), [wentOffAt, ZONE, words.locale] as const);
  await digest.getByText(words.since(when), { exact: true }).waitFor();
  await digest.getByText(words.newcomers).waitFor();
  const waiting = digest.locator('#digest-waiting + ul .digest-entry-author');
  await expect.poll(() => waiting.count()).toBeGreaterThan(0);
  expect(await waiting.allTextContents()).not.toContain('Pouce Levé');
  await look(inbox, words, '7-since-you-left');
  await inbox.press('Escape');
  await digest.waitFor({ state: 'detached' });
  expect(await page.getByText(words.workingBanner).count()).toBe(0);
  await look(inbox, words, '8-back-at-work');
}

describe('a whole first day in the chair, in Chromium', () => {
  it('in French at 1000×700', { timeout: 120_000 }, () => firstDay(FRENCH));
  it('in English at 1920×1080', { timeout: 120_000 }, () => firstDay(ENGLISH));
});
