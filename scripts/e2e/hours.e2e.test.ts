import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../shared/schedule';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();
// Friday 2026-12-04, 4:30 p.m. in Toronto: the core's clock stands still there. This machine (and its Chromium) is on UTC.
const NOW = Date.parse('2026-12-04T21:30:00Z');
const torontoWeekdays = (ranges: [string, string][]) =>
  parseSchedule({ timeZone: 'America/Toronto', weekly: { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: [], sun: [] } });

/** The app at NOW, with hours already set if given (their "Since you left" already seen: it is not what these tests look at). */
const openAtNow = (locale: string, schedule?: ReturnType<typeof parseSchedule>) =>
  chromium.open(locale, {
    core: { clock: () => NOW },
    beforeLoad: async (harness) => {
      if (!schedule) return;
      harness.core.duty.setSchedule(schedule);
      await harness.call('digest.dismiss', {});
    },
  });
/** These tests walk whole flows at the keyboard. */
const FLOW_MS = 60_000;

async function shot(page: Page, name: string, { width, height } = { width: 1000, height: 700 }): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: `test-results/hours-${name}-${width}x${height}.png` });
}

/** My hours from the command palette, as a person at the keyboard opens them. */
async function openHours(inbox: InboxPage, command: string, title: string): Promise<Locator> {
  await inbox.focusList();
  await inbox.press('Control+k');
  await inbox.page.keyboard.type(command);
  await inbox.press('Enter');
  const dialog = inbox.page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  return dialog;
}

/** Replaces a day's text by typing, as a person does: select all, then type. */
async function typeDay(dialog: Locator, day: string, text: string): Promise<void> {
  const field = dialog.getByLabel(day, { exact: true });
  await field.focus();
  await field.press('Control+a');
  await field.pressSequentially(text);
}

const describedBy = (field: Locator) => field.evaluate((input) => input.ownerDocument.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? null);

describe('my hours, as people write them (Chromium)', () => {
  it('starts from office hours, reads French notations typed at the keyboard, says what is wrong on the field itself, and saves', async () => {
    const inbox = await openAtNow('fr-CA');
    const { page } = inbox;
    const dialog = await openHours(inbox, 'Mes heures de travail', 'Mes heures de travail');
    // A new schedule: Monday to Friday 9 to 5 on this computer's clock; the weekend says "Congé", with no placeholder.
    expect(await dialog.getByLabel('Lundi', { exact: true }).inputValue()).toBe('9 h – 17 h');
    expect(await dialog.getByLabel('Fuseau horaire').inputValue()).toBe('UTC');
    const saturday = dialog.getByLabel('Samedi', { exact: true });
    expect(await saturday.inputValue()).toBe('');
    expect(await saturday.getAttribute('placeholder')).toBeNull();
    expect(await describedBy(saturday)).toBe('Congé');

    await dialog.getByLabel('Fuseau horaire').selectOption('America/Toronto');
    await dialog.getByText('Les heures ci-dessous suivent ce fuseau\u00a0: heure de l’Est.').waitFor();
    await typeDay(dialog, 'Lundi', '9h-17h');
    await typeDay(dialog, 'Dimanche', '22h-2h');
    await dialog.getByText('22 h – 2 h se termine le lendemain.').waitFor();
    await typeDay(dialog, 'Mercredi', '9h-12h, 11h-17h');
    await dialog.getByText('Plages qui se chevauchent fusionnées en 9 h – 17 h.').waitFor();
    await typeDay(dialog, 'Mardi', '25h-26h');
    await page.keyboard.press('Tab');
    const tuesday = dialog.getByLabel('Mardi', { exact: true });
    expect(await tuesday.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(tuesday)).toBe('«\u00a025h\u00a0» n’est pas une heure. Écrivez les heures ainsi\u00a0: 9\u00a0h, 9\u00a0h\u00a030 ou 17\u00a0h.');
    await typeDay(dialog, 'Jeudi', '17h-9h');
    await dialog.getByRole('button', { name: 'Enregistrer mes heures' }).click();
    // Nothing saved; every wrong day is marked, and the keyboard goes to the first.
    const thursday = dialog.getByLabel('Jeudi', { exact: true });
    expect(await describedBy(thursday)).toBe('La fin (9 h) doit venir après le début (17 h). Une plage qui passe minuit s’écrit comme 22\u00a0h – 2\u00a0h et dure au plus 12\u00a0heures.');
    await expect.poll(() => inbox.hasFocus(tuesday)).toBe(true);
    expect(inbox.harness.core.duty.profile().schedule).toBeNull();
    await shot(page, 'problems-fr');

    await typeDay(dialog, 'Mardi', '9 h à 17 h');
    await typeDay(dialog, 'Jeudi', '13 h – 17 h 30');
    expect(await tuesday.getAttribute('aria-invalid')).toBeNull();
    await dialog.getByRole('button', { name: 'Enregistrer mes heures' }).click();
    await page.getByText('Vos heures sont enregistrées.').waitFor();
    expect(inbox.harness.core.duty.profile().schedule).toMatchObject({
      timeZone: 'America/Toronto',
      weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['13:00', '17:30']], fri: [['09:00', '17:00']], sat: [], sun: [['22:00', '02:00']] },
    });

    // Opened again, the hours show as saved, written the Québec way.
    const again = await openHours(inbox, 'Mes heures de travail', 'Mes heures de travail');
    expect(await again.getByLabel('Jeudi', { exact: true }).inputValue()).toBe('13 h – 17 h 30');
    expect(await again.getByLabel('Dimanche', { exact: true }).inputValue()).toBe('22 h – 2 h');
    await shot(page, 'saved-fr');
  }, FLOW_MS);

  it.each([
    {
      locale: 'en-CA',
      command: 'My working hours',
      title: 'My working hours',
      friday: 'Friday',
      saturday: 'Saturday',
      wrong: '9am-13pm',
      wrongMessage: '“13pm” is not a time. Write times as 9:00, 9:30 a.m. or 17:00.',
      typed: '9am-4pm',
      save: 'Save my hours',
      question: 'With these hours you will be off duty now: the inbox closes until Monday, December 7 at 9:00 a.m. (Eastern Time).',
      back: 'Back',
      confirm: 'Save and go off duty',
      offTitle: 'You are off duty',
      nextShift: 'Next shift: Monday, December 7 at 9:00 a.m. (Eastern Time)',
    },
    {
      locale: 'fr-CA',
      command: 'Mes heures de travail',
      title: 'Mes heures de travail',
      friday: 'Vendredi',
      saturday: 'Samedi',
      wrong: '9h-25h',
      wrongMessage: '«\u00a025h\u00a0» n’est pas une heure. Écrivez les heures ainsi\u00a0: 9\u00a0h, 9\u00a0h\u00a030 ou 17\u00a0h.',
      typed: '9 h à 16 h',
      save: 'Enregistrer mes heures',
      question: 'Avec ces heures, vous serez hors service dès maintenant\u00a0: la boîte de réception sera fermée jusqu’à lundi 7 décembre à 9 h (heure de l’Est).',
      back: 'Retour',
      confirm: 'Enregistrer et quitter le service',
      offTitle: 'Vous êtes en dehors de vos heures',
      nextShift: 'Prochain quart\u00a0: lundi 7 décembre à 9 h (heure de l’Est)',
    },
  ])('asks before hours that end my shift now ($locale): Back keeps me on duty, yes closes the inbox until Toronto’s Monday 9:00', async (labels) => {
    const inbox = await openAtNow(labels.locale);
    const { page } = inbox;
    const dialog = await openHours(inbox, labels.command, labels.title);
    await dialog.getByLabel(/^(Time zone|Fuseau horaire)$/).selectOption('America/Toronto');
    // A wrong Saturday says so on its field, in the interface's language, and clearing it makes Saturday a day off again.
    await typeDay(dialog, labels.saturday, labels.wrong);
    await page.keyboard.press('Tab');
    const saturday = dialog.getByLabel(labels.saturday, { exact: true });
    expect(await describedBy(saturday)).toBe(labels.wrongMessage);
    await shot(page, `problem-${labels.locale}`, { width: 1920, height: 1080 });
    await saturday.fill('');
    expect(await saturday.getAttribute('aria-invalid')).toBeNull();
    await typeDay(dialog, labels.friday, labels.typed);
    await dialog.getByRole('button', { name: labels.save }).click();
    const question = dialog.getByRole('group', { name: labels.question });
    await question.waitFor();
    const back = question.getByRole('button', { name: labels.back, exact: true });
    await expect.poll(() => inbox.hasFocus(back)).toBe(true);
    await shot(page, `off-now-question-${labels.locale}`);
    await shot(page, `off-now-question-${labels.locale}`, { width: 1920, height: 1080 });

    // Enter on the focused Back: nothing saved, still on duty, the form as it was.
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    await expect.poll(() => inbox.hasFocus(dialog.getByRole('button', { name: labels.save }))).toBe(true);
    expect(inbox.harness.core.duty.profile().schedule).toBeNull();
    expect(inbox.harness.core.duty.status().isOnDuty).toBe(true);
    expect(await dialog.getByLabel(labels.friday, { exact: true }).inputValue()).toBe(labels.typed);

    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: labels.confirm }).click();
    await page.getByRole('heading', { name: labels.offTitle }).waitFor();
    await page.getByText(labels.nextShift).waitFor();
    expect(inbox.harness.core.duty.status()).toMatchObject({ isOnDuty: false, nextOnAt: Date.parse('2026-12-07T14:00:00Z') });
    await shot(page, `off-shift-${labels.locale}`);
  }, FLOW_MS);

  it('never says "working outside your hours" inside them; outside them it does, until the next shift on the hours’ clock', async () => {
    const inbox = await openAtNow('en-CA', torontoWeekdays([['09:00', '17:00']]));
    const { page } = inbox;
    // Inside my hours: "I am off now", then "I am working now" is simply back to work.
    await inbox.goOffDuty();
    await page.getByRole('button', { name: 'I am working now' }).click();
    await inbox.options.first().waitFor();
    await expect.poll(() => inbox.harness.core.duty.status().override).toBeNull();
    expect(await page.getByText(/Working outside your hours/).count()).toBe(0);

    // Outside them (hours that ended at 4 p.m.), it says so, with its end (12 hours at most) on Toronto's clock.
    inbox.harness.core.duty.setSchedule(torontoWeekdays([['09:00', '16:00']]));
    await page.getByRole('heading', { name: 'You are off duty' }).waitFor();
    await page.getByRole('button', { name: 'I am working now' }).click();
    await page.getByText('Working outside your hours, until Saturday, December 5 at 4:30 a.m. (Eastern Time).').waitFor();
    await shot(page, 'working-banner-en-CA');
  }, FLOW_MS);
});
