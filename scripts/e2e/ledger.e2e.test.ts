import { afterEach, describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { NOW, SEEDED, seedWorkday } from './ledgerSeed';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;
let cspViolations: string[] = [];

afterEach(() => {
  const seen = cspViolations;
  cspViolations = [];
  expect(seen).toEqual([]);
});

/** The app on a seeded workday, the core's clock frozen at NOW; CSP violations, if any, are collected. */
async function openSeeded(locale: string): Promise<InboxPage> {
  const clock = { now: NOW };
  const page = await chromium.open(locale, { core: { clock: () => clock.now }, beforeLoad: (harness) => seedWorkday(harness, clock) });
  // Listening from here covers the ledger page: recharts loads and draws only once it opens.
  page.page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
  });
  return page;
}

/** "5 h 40 min", "5 hr 40 min"…: the numbers are ours, the unit words are the locale's. */
const durationText = (minutes: number) => (minutes < 60 ? new RegExp(`^${minutes}\\D+$`) : new RegExp(`^${Math.floor(minutes / 60)}\\D+${minutes % 60 === 0 ? '' : `${minutes % 60}\\D+`}$`));

describe('the wellbeing ledger in Chromium', () => {
  it('opens from the sidebar, shows today and this week as logged, and draws its charts without a CSP violation', async () => {
    inbox = await openSeeded('en-CA');
    const { page } = inbox;
    await page.getByRole('button', { name: 'My wellbeing' }).click();
    await page.getByRole('heading', { name: 'My wellbeing', level: 1 }).waitFor();
    const cells = async (figure: string) => page.locator(`tr[data-figure="${figure}"] td`).allTextContents();
    await expect.poll(() => cells('onDuty')).toHaveLength(2);
    const [onToday, onWeek] = await cells('onDuty');
    expect(onToday).toMatch(durationText(SEEDED.today.onDutyMinutes));
    expect(onWeek).toMatch(durationText(SEEDED.week.onDutyMinutes));
    const [offToday, offWeek] = await cells('offDuty');
    expect(offToday).toMatch(durationText(SEEDED.today.offDutyMinutes));
    expect(offWeek).toMatch(durationText(SEEDED.week.offDutyMinutes));
    const peeks = ({ peeks: count, peekMinutes }: { peeks: number; peekMinutes: number }) => expect.stringMatching(new RegExp(`^${count} \\(${peekMinutes}\\D+\\)$`));
    expect(await cells('peeks')).toEqual([peeks(SEEDED.today), peeks(SEEDED.week)]);
    expect(await cells('replies')).toEqual([String(SEEDED.today.replies), String(SEEDED.week.replies)]);
    expect((await cells('longest'))[0]).toMatch(durationText(SEEDED.today.longestMinutes));
    expect(await cells('breaks')).toEqual([String(SEEDED.today.breaks), String(SEEDED.week.breaks)]);
    expect(await cells('hostile')).toEqual([String(SEEDED.today.hostile), String(SEEDED.week.hostile)]);

    const charts = page.locator('figure.ledger-chart');
    expect(await charts.count()).toBe(3);
    await expect.poll(() => page.locator('figure.ledger-chart svg[role="img"]').count()).toBe(3);
    await expect.poll(() => page.locator('figure.ledger-chart .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: 'Time in the app, last 7 days' }).count()).toBe(1);
    const timeChart = page.getByRole('figure', { name: 'Time in the app, last 7 days' });
    await timeChart.getByText('Show the figures as a table').click();
    const wednesday = timeChart.getByRole('row', { name: /Wednesday, November 4/ });
    expect(await wednesday.locator('td').allTextContents()).toEqual([
      expect.stringMatching(durationText(SEEDED.today.onDutyMinutes)),
      expect.stringMatching(durationText(SEEDED.today.offDutyMinutes)),
    ]);
  });

  it.each([
    { locale: 'en-CA', hours: /^\d+\s?hrs?$/, day: /^Wed 4$/ },
    { locale: 'fr-CA', hours: /^\d+\sh$/, day: /^mer\.? 4$/ },
  ])('$locale: the time chart’s axis reads at human steps, each label once, in the interface’s units; days in its language', async ({ locale, hours, day }) => {
    inbox = await openSeeded(locale);
    const { page } = inbox;
    await page.getByRole('navigation').getByRole('button', { name: locale === 'en-CA' ? 'My wellbeing' : 'Mon bien-être' }).click();
    const chart = page.locator('#chart-time-title ~ .ledger-chart-area');
    const yTicks = chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await expect.poll(() => yTicks.count()).toBeGreaterThan(1);
    // Today's 5 h 46 min (on and off duty) is the highest bar: 0 to 6 h in steps of 2 h.
    const labels = await yTicks.allTextContents();
    expect(labels.map((label) => label.replace(/\D+/g, ' ').trim())).toEqual(['0', '2', '4', '6']);
    expect(labels[0]).toMatch(/^0\s?mins?$/);
    for (const label of labels.slice(1)) expect(label).toMatch(hours);
    expect((await chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()).at(-1)).toMatch(day);
    await page.locator('#chart-time-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/ledger-time-axis-${locale}.png` });
  });

  it('speaks French: opened from the command palette, dates and numbers in the Québec locale', async () => {
    inbox = await openSeeded('fr-CA');
    const { page } = inbox;
    await inbox.focusList();
    await inbox.press('Control+k');
    await page.keyboard.type('bien-etre');
    await inbox.press('Enter');
    await page.getByRole('heading', { name: 'Mon bien-être', level: 1 }).waitFor();
    await page.getByRole('columnheader', { name: 'Aujourd’hui' }).waitFor();
    expect(await page.locator('tr[data-figure="breaks"] th').textContent()).toBe('Pauses prises');
    expect(await page.locator('tr[data-figure="hostile"] td').allTextContents()).toEqual(['3', '3']);
    await expect.poll(() => page.locator('figure.ledger-chart svg[role="img"]').count()).toBe(3);
    const ticks = page.locator('#chart-time-title ~ .ledger-chart-area .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await expect.poll(async () => (await ticks.allTextContents()).at(-1)).toMatch(/^mer\.? 4$/);
    expect(await page.locator('#chart-time-title ~ .ledger-chart-area .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()).toContain('2\u00a0h');
    // Escape goes back to the inbox, as it was.
    await inbox.press('Escape');
    await inbox.options.first().waitFor();
    expect(await page.getByRole('heading', { name: 'Mon bien-être' }).count()).toBe(0);
  });

  it('reminds me to take a break after a long session, and "Later" quiets it for a while', async () => {
    inbox = await openSeeded('en-CA');
    const { page, harness } = inbox;
    const reminder = page.getByRole('region', { name: 'Time for a break?' });
    await reminder.waitFor();
    expect(await reminder.textContent()).toMatch(/at it for 4\D+40\D+without a pause/);
    await reminder.getByRole('button', { name: 'Later' }).click();
    await reminder.waitFor({ state: 'detached' });
    const presence = await harness.core.server.handle({ type: 'request', id: 1, method: 'wellbeing.heartbeat', input: {} });
    expect(presence.result).toMatchObject({ ok: true, value: { isBreakDue: false, isOffDuty: false } });
  });

  it('"Take a break" shows a calm break screen until I am back, and logs the break', async () => {
    inbox = await openSeeded('en-CA');
    const { page, harness } = inbox;
    await page.getByRole('region', { name: 'Time for a break?' }).getByRole('button', { name: 'Take a break' }).click();
    await page.getByRole('heading', { name: 'On a break' }).waitFor();
    // The start shows on this machine's clock (the core's is frozen on a seeded day, so the elapsed time is not checked).
    expect(await page.getByText(/^Started at \d{1,2}:00\W*[ap]\.?m\.? · .+ so far$/i).count()).toBe(1);
    expect(await page.locator('[role="option"], .view-count').count()).toBe(0);
    await page.getByRole('button', { name: 'I’m back' }).click();
    await inbox.options.first().waitFor();
    const breaks = harness.core.context.db.prepare<[], { data: string }>("SELECT data FROM wellbeing_log WHERE kind = 'break' ORDER BY seq").all();
    expect(breaks.map((row) => JSON.parse(row.data))).toEqual([{ source: 'pause' }, { source: 'reminder' }]);
  });
});
