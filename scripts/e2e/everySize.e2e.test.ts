import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { clippedText } from './clippedText';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();

/** Where the pictures of each view go, to be looked at (the README's screenshots folder). */
const SCREENS_DIR = join(process.env.PIEUVRE_SCREENS_DIR ?? 'test-results', 'every-size');
const SIZES = [
  { width: 1000, height: 700 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;
const PICTURED = new Set(['1000x700', '1920x1080']);

// The widened shape both languages share (English's own type is its literal strings).
type Strings = typeof fr;
/** A place in the app and how a person gets there; a dialog's tabs, if any, are each looked at. */
type Stop = { name: string; visit(inbox: InboxPage, strings: Strings): Promise<void>; tabs?: (strings: Strings) => string[] };

const sidebarButton = (inbox: InboxPage, name: string) => inbox.page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) });

async function closeDialog(inbox: InboxPage) {
  await inbox.page.keyboard.press('Escape');
  await inbox.page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** A dialog from a sidebar button. */
const dialogStop = (name: string, button: (s: Strings) => string, tabs?: (s: Strings) => string[]): Stop => ({
  name,
  async visit(inbox, strings) {
    await sidebarButton(inbox, button(strings)).click();
    await inbox.page.getByRole('dialog').waitFor();
  },
  tabs,
});

/** A picker from its key on the conversation list. */
const pickerStop = (name: string, key: string): Stop => ({
  name,
  async visit(inbox) {
    await inbox.focusList();
    await inbox.press(key);
    await inbox.page.getByRole('dialog').waitFor();
  },
});

const STOPS: Stop[] = [
  {
    name: 'conversation',
    async visit(inbox, strings) {
      await sidebarButton(inbox, strings.sidebar.allOpen).click();
      await inbox.options.first().click();
      await inbox.page.locator('.pane-header').waitFor();
    },
  },
  {
    name: 'contact-folded-open',
    async visit(inbox) {
      const toggle = inbox.page.locator('.contact-toggle');
      if (await toggle.isVisible()) await toggle.click();
      await inbox.page.locator('.contact-card .contact-head').waitFor();
    },
  },
  {
    name: 'composer-templates',
    async visit(inbox, strings) {
      const toggle = inbox.page.locator('.contact-toggle');
      if ((await toggle.getAttribute('aria-expanded')) === 'true') await inbox.page.getByRole('button', { name: strings.contact.close }).click();
      const box = inbox.page.getByPlaceholder(strings.composer.placeholder);
      await box.click();
      await box.fill('/');
      await inbox.page.locator('.template-picker').waitFor();
    },
  },
  {
    name: 'outbox',
    async visit(inbox, strings) {
      await inbox.page.getByPlaceholder(strings.composer.placeholder).fill('');
      await sidebarButton(inbox, strings.sidebar.outbox).click();
      await inbox.page.locator('.outbox-view').waitFor();
    },
  },
  {
    name: 'accounts',
    async visit(inbox, strings) {
      await sidebarButton(inbox, strings.accounts.open).click();
      await inbox.page.getByRole('heading', { level: 1, name: strings.accounts.open }).waitFor();
    },
  },
  {
    name: 'ledger',
    async visit(inbox, strings) {
      await sidebarButton(inbox, strings.wellbeing.open).click();
      // The charting library loads when the page first opens.
      await expect.poll(() => inbox.page.locator('figure.ledger-chart svg .recharts-cartesian-axis-tick-value').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    },
  },
  { name: 'inbox', visit: (inbox, strings) => sidebarButton(inbox, strings.sidebar.allOpen).click().then(() => inbox.options.first().waitFor()) },
  dialogStop('settings', (s) => s.settings.open, (s) => Object.values(s.settings.tabs)),
  dialogStop('hours', (s) => s.hours.open),
  dialogStop('templates', (s) => s.templates.open),
  dialogStop('team', (s) => s.team.open, (s) => Object.values(s.team.tabs)),
  dialogStop('digest', (s) => s.digest.open),
  pickerStop('snooze', 's'),
  pickerStop('tag', '#'),
  pickerStop('assign', 'a'),
  pickerStop('handOff', 'H'),
  pickerStop('moderate', 'm'),
  pickerStop('palette', 'Control+k'),
  pickerStop('shortcuts', '?'),
];

/** Every view and dialog at every size, in one language: what each shows cut off (and where), and pictures. */
async function tour(inbox: InboxPage, strings: Strings, language: string): Promise<string[]> {
  // The inbox stays behind dialogs: one line per thing cut off, with every place it was seen.
  const problems = new Map<string, string[]>();
  mkdirSync(SCREENS_DIR, { recursive: true });
  for (const size of SIZES) {
    await inbox.page.setViewportSize(size);
    const sizeName = `${size.width}x${size.height}`;
    const look = async (stop: string) => {
      // Fonts and the charts' resize observers settle before the measuring.
      await inbox.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      for (const problem of await clippedText(inbox.page)) problems.set(problem, [...(problems.get(problem) ?? []), `${language} ${sizeName} ${stop}`]);
      if (PICTURED.has(sizeName) || (sizeName === '3840x2160' && stop === 'conversation')) await inbox.page.screenshot({ path: join(SCREENS_DIR, `${language}-${sizeName}-${stop}.png`) });
    };
    for (const stop of STOPS) {
      await stop.visit(inbox, strings);
      const tabs = stop.tabs?.(strings) ?? [];
      if (tabs.length === 0) await look(stop.name);
      for (const [index, tab] of tabs.entries()) {
        await inbox.page.getByRole('dialog').getByRole('tab', { name: tab, exact: true }).click();
        await look(`${stop.name}-${index}`);
      }
      if (await inbox.page.getByRole('dialog').count()) await closeDialog(inbox);
    }
  }
  return [...problems].map(([problem, places]) => `${problem} — in ${places.join(', ')}`);
}

describe('every view at every size, in Chromium', () => {
  it('the check itself finds a cut select, placeholder and ellipsis, and text past the window’s edge; a marked ellipsis with its title passes', async () => {
    const inbox = await chromium.open();
    const page = await inbox.page.context().newPage();
    await page.setViewportSize({ width: 400, height: 300 });
    await page.setContent(`
      <select style="width: 90px"><option>Toutes les plateformes</option></select>
      <select><option>Auto-sized fits</option></select>
      <input style="width: 120px" placeholder="Rechercher (accents facultatifs)… /">
      <input style="width: 300px" placeholder="Short">
      <p style="width: 80px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis">Cut without a word</p>
      <p style="width: 80px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis" data-truncate title="Cut on purpose">Cut on purpose</p>
      <p style="margin-left: 380px; white-space: nowrap">Past the edge</p>`);
    const problems = await clippedText(page);
    await page.close();
    expect(problems).toEqual([
      expect.stringMatching(/^the page scrolls sideways/),
      expect.stringMatching(/Toutes les plateformes.*chosen option is cut/),
      expect.stringMatching(/Rechercher.*placeholder is cut/),
      expect.stringMatching(/Cut without a word.*is cut/),
      expect.stringMatching(/Past the edge.*past the window’s edge/),
    ]);
  });

  it('the check itself finds a dialog taller than the window and text below its bottom that nothing scrolls to; a dialog that scrolls inside passes', async () => {
    const inbox = await chromium.open();
    const page = await inbox.page.context().newPage();
    await page.setViewportSize({ width: 400, height: 300 });
    const lines = Array.from({ length: 30 }, (_, index) => `<p>Line ${index + 1}</p>`).join('');
    await page.setContent(`
      <style>body { margin: 0; overflow: hidden; }</style>
      <div role="dialog" style="position: fixed; top: 20px; left: 0; width: 180px"><h2>Too tall</h2>${lines}</div>
      <div role="dialog" style="position: fixed; top: 20px; left: 200px; width: 180px; max-height: 260px; overflow-y: auto"><h2>Fits</h2>${lines}</div>`);
    const problems = await clippedText(page);
    await page.close();
    expect(problems[0]).toMatch(/Too tall.*taller than the window/);
    expect(problems.slice(1).every((problem) => /“Line \d+”.*below the window’s bottom edge/.test(problem))).toBe(true);
    expect(problems.some((problem) => problem.includes('Fits'))).toBe(false);
  });

  it.each([
    { locale: 'en-CA', strings: en, language: 'en' },
    { locale: 'fr-CA', strings: fr, language: 'fr' },
  ])('$language: from 1000×700 to 3840×2160, no text is cut off or past the window’s edge', { timeout: 300_000 }, async ({ locale, strings, language }) => {
    const inbox = await chromium.open(locale);
    expect(await tour(inbox, strings, language)).toEqual([]);
  });
});
