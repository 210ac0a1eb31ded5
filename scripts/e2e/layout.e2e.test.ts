import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { NOW, seedWorkday } from './ledgerSeed';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found).not.toBeNull();
  return found ?? { x: 0, y: 0, width: 0, height: 0 };
}

/** Whether a person clicking the middle of `locator` would reach it, or something drawn over it. */
const isUncovered = (locator: Locator) =>
  locator.evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    const top = document.elementFromPoint(x + width / 2, y + height / 2);
    return top !== null && (top === element || element.contains(top));
  });

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Three triage actions from the list (read, unread, read: the rows stay), each with its notice. */
async function threeNotices(inbox: InboxPage): Promise<void> {
  await inbox.focusList();
  for (const key of ['u', 'u', 'u']) {
    const before = await inbox.page.locator('.toast').allTextContents();
    await inbox.press(key);
    await expect.poll(() => inbox.page.locator('.toast').allTextContents()).not.toEqual(before);
  }
}

describe('the layout in Chromium', () => {
  it('at 1000×700 the three columns fit: the language menu and the saved view’s name are whole', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    const pane = await box(inbox.page.locator('.conversation-pane'));
    expect(pane.x + pane.width).toBeLessThanOrEqual(1000);
    const inboxColumn = await box(inbox.page.locator('main.inbox'));
    const language = await box(inbox.page.locator('.toolbar select'));
    expect(language.x + language.width).toBeLessThanOrEqual(inboxColumn.x + inboxColumn.width);
    const sidebar = await box(inbox.page.locator('.sidebar'));
    const viewName = await box(inbox.page.locator('.save-view input'));
    expect(viewName.x + viewName.width).toBeLessThanOrEqual(sidebar.x + sidebar.width);
  });

  it('under 1200 px the contact card folds behind a toggle in the conversation’s header: reached with Tab, opened with Enter, closed with Escape, remembered', { timeout: 60_000 }, async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    const toggle = inbox.page.getByRole('button', { name: 'Contact details', exact: true });
    await inbox.focusList();
    await inbox.press('Enter');
    await toggle.waitFor();
    // What the toggle says it controls is the contact card, folded away.
    const card = inbox.page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    expect(await card.getAttribute('aria-label')).toBe('Contact');
    expect(await card.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // The header stays in sight over a thread opened on its newest message: Tab reaches the toggle.
    for (let tabs = 0; tabs < 20 && !(await inbox.hasFocus(toggle)); tabs++) await inbox.press('Tab');
    expect(await inbox.hasFocus(toggle)).toBe(true);
    await inbox.press('Enter');
    await card.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const opened = await box(card);
    expect(opened.x).toBeGreaterThanOrEqual(0);
    expect(opened.x + opened.width).toBeLessThanOrEqual(1000);
    const close = card.getByRole('button', { name: 'Hide contact details' });
    expect(await inbox.hasFocus(close)).toBe(true);
    await inbox.page.screenshot({ path: 'test-results/layout-contact-folded-open.png' });
    await inbox.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(await inbox.hasFocus(toggle)).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    // Open when the window was closed: open again on the next start.
    await inbox.press('Enter');
    await card.waitFor();
    await inbox.page.reload();
    await inbox.options.first().click();
    await card.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    // A wide window has room: the card is a column of its own, and no toggle shows.
    await inbox.page.setViewportSize({ width: 1440, height: 900 });
    expect(await toggle.isVisible()).toBe(false);
    const column = await box(card);
    expect(column.x + column.width).toBeLessThanOrEqual(1440);
    expect(column.x).toBeGreaterThanOrEqual((await box(inbox.page.locator('.conversation-pane'))).x);
  });

  it('at 1000×700 each message’s ⋯ menu stays inside its bubble', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    inbox.receiveMention('narrow-head', { externalId: 'narrow-head', handle: '@marie@mastodon.example', name: 'Marie-Ève Lachance-Tremblay' }, 'Allô!');
    const bubble = inbox.page.locator('.message', { hasText: 'Allô!' });
    await inbox.options.filter({ hasText: 'Marie-Ève Lachance-Tremblay' }).first().click();
    const [outer, menu] = await Promise.all([box(bubble), box(bubble.getByRole('button', { name: 'Moderate this message' }))]);
    expect(menu.x + menu.width).toBeLessThanOrEqual(outer.x + outer.width);
  });

  it('at 1000×700 a row’s reply-window chip ends inside the row, its whole text in its title', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    inbox.receiveDm('chip-row', { externalId: 'chip-row', handle: '@chip', name: 'Chip Row' }, 'Allô!');
    const row = inbox.options.filter({ hasText: 'Chip Row' }).first();
    const chip = row.locator('.chip.reply-window');
    expect(await chip.getAttribute('title')).toMatch(/^Reply window closes /);
    expect(await chip.getAttribute('title')).toBe(await chip.textContent());
    const [meta, inside] = await Promise.all([box(row.locator('.row-meta')), box(chip)]);
    expect(inside.x + inside.width).toBeLessThanOrEqual(meta.x + meta.width);
  });

  it('a fediverse handle, which has no space to wrap at, stays inside the contact card', async () => {
    const inbox = await chromium.open();
    inbox.receiveMention('long-handle', { externalId: 'long-handle', handle: '@andreesimard1845@mastodon.example', name: 'Andrée' }, 'Allô!');
    await inbox.options.filter({ hasText: 'Andrée' }).first().click();
    const card = inbox.page.locator('.contact-card');
    await card.getByText('@andreesimard1845@mastodon.example').waitFor();
    expect(await card.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
  });

  it('at 1000×700, with no contact column, the break reminder leaves the composer’s Send button clear', async () => {
    const clock = { now: NOW };
    const inbox = await chromium.open('en-CA', { core: { clock: () => clock.now }, beforeLoad: (harness) => seedWorkday(harness, clock) });
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.options.first().click();
    const reminder = await box(inbox.page.getByRole('region', { name: 'Time for a break?' }));
    const send = await box(inbox.page.getByRole('button', { name: 'Send', exact: true }));
    const overlaps = reminder.x < send.x + send.width && send.x < reminder.x + reminder.width && reminder.y < send.y + send.height && send.y < reminder.y + reminder.height;
    expect(overlaps).toBe(false);
    expect(reminder.x + reminder.width).toBeLessThanOrEqual(1000);
  });

  it('emoji draw in colour: the font stack names each system’s colour emoji fonts after the text fonts, and one is on this machine', async () => {
    const inbox = await chromium.open();
    const family = await inbox.page.evaluate(() => getComputedStyle(document.documentElement).fontFamily);
    const fonts = family.split(',').map((font) => font.trim().replace(/^["']|["']$/g, ''));
    expect(fonts.slice(-4)).toEqual(['Apple Color Emoji', 'Segoe UI Emoji', 'Segoe UI Symbol', 'Noto Color Emoji']);
    expect(fonts.indexOf('sans-serif')).toBeLessThan(fonts.indexOf('Apple Color Emoji'));
    // 🥐 in the app's own fonts: a colour font paints saturated pixels, an outline font only greys.
    const colourful = await inbox.page.evaluate((stack) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 48;
      const context = canvas.getContext('2d');
      if (!context) return 0;
      context.font = `32px ${stack}`;
      context.fillText('🥐', 4, 40);
      const pixels = context.getImageData(0, 0, 48, 48).data;
      let count = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        const [red = 0, green = 0, blue = 0] = [pixels[index], pixels[index + 1], pixels[index + 2]];
        if (Math.max(red, green, blue) - Math.min(red, green, blue) > 60) count++;
      }
      return count;
    }, family);
    expect(colourful).toBeGreaterThan(50);
  });

  it('under 1200 px the contact card folds away when the person moves to another conversation, and when the composer takes focus', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.options.first().click();
    const toggle = inbox.page.getByRole('button', { name: 'Contact details', exact: true });
    const card = inbox.page.locator('.contact-card');
    await toggle.click();
    await card.waitFor();
    // j from the card: the next conversation shows, its composer clear of the card.
    await inbox.press('j');
    await card.waitFor({ state: 'hidden' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await card.waitFor();
    await inbox.focusList();
    await inbox.press('r');
    await card.waitFor({ state: 'hidden' });
    const composer = inbox.page.locator('#composer-text');
    expect(await inbox.hasFocus(composer)).toBe(true);
    await composer.fill('Merci!');
    expect(await isUncovered(inbox.page.getByRole('button', { name: 'Send', exact: true }))).toBe(true);
    expect(await isUncovered(composer)).toBe(true);
    await screenshot(inbox.page, 'layout/reply-beside-folded-card-en-1000');
  });

  it.each([
    { locale: 'en-CA', language: 'en', send: 'Send', search: 'Search' },
    { locale: 'fr-CA', language: 'fr', send: 'Envoyer', search: 'Rechercher' },
  ])('$language at 1000×700: three notices leave the composer, its Send button and the search field clear, two at most, dialog open or not', async ({ locale, language, send }) => {
    const inbox = await chromium.open(locale);
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.options.first().click();
    await threeNotices(inbox);
    await inbox.press('r');
    const sendButton = inbox.page.getByRole('button', { name: send, exact: true });
    expect(await isUncovered(sendButton)).toBe(true);
    expect(await isUncovered(inbox.page.locator('#composer-text'))).toBe(true);
    expect(await inbox.page.locator('.toast').count()).toBe(2);
    const notices = await box(inbox.page.locator('.toasts'));
    expect(overlaps(notices, await box(inbox.page.locator('#search-box')))).toBe(false);
    await screenshot(inbox.page, `layout/notices-${language}-1000`);
    await threeNotices(inbox);
    await inbox.press('?');
    await inbox.page.getByRole('dialog').waitFor();
    const shown = await box(inbox.page.locator('.toasts'));
    expect(overlaps(shown, await box(inbox.page.locator('#search-box')))).toBe(false);
    // Above the dialog: its title and its buttons stay clear.
    expect(overlaps(shown, await box(inbox.page.getByRole('dialog')))).toBe(false);
    await screenshot(inbox.page, `layout/notices-dialog-${language}-1000`);
  });
});
