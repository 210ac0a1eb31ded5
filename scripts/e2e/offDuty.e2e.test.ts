import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../shared/schedule';
import { formatWrittenDate } from '../../shared/text/writtenDate';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;
const noHoursAtAll = parseSchedule({ timeZone: 'UTC', weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });

const peeks = (page: InboxPage) =>
  page.harness.core.context.db.prepare<[], { duration_ms: number }>("SELECT duration_ms FROM wellbeing_log WHERE kind = 'peek' ORDER BY seq").all();

describe('off duty in Chromium', () => {
  it('shows the off-shift screen with no count anywhere; peeking opens the inbox, is noted, and ends', async () => {
    inbox = await chromium.open('en-CA', { waitForInbox: false, beforeLoad: (harness) => harness.core.duty.setSchedule(noHoursAtAll) });
    const { page } = inbox;
    await page.getByRole('heading', { name: 'You are off duty' }).waitFor();
    expect(await page.getByText('No shift in your hours for the next 400 days.').count()).toBe(1);
    expect(await page.locator('[role="option"], .view-count').count()).toBe(0);
    expect(await page.title()).toBe('Pieuvre');

    await page.getByRole('button', { name: 'Peek anyway' }).click();
    await inbox.options.first().waitFor();
    await page.getByText('You are peeking while off duty.').waitFor();
    expect(await page.locator('.view-count').count()).toBe(0);
    expect(peeks(inbox)).toHaveLength(1);

    await page.getByRole('button', { name: 'Back to my time off' }).click();
    await page.getByRole('heading', { name: 'You are off duty' }).waitFor();
    await expect.poll(() => peeks(inbox as InboxPage)[0]?.duration_ms).toBeGreaterThan(0);
  });

  it('offers "send at my next working time" as the default off duty; the reply waits in the Outbox', async () => {
    // Off now; the next shift is a day two days from today, 09:00–17:00 UTC.
    const shiftDay = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const shiftStart = Date.parse(`${shiftDay}T09:00:00Z`);
    const schedule = parseSchedule({ ...noHoursAtAll, exceptions: [{ date: shiftDay, ranges: [['09:00', '17:00']] }] });
    inbox = await chromium.open('fr-CA', { waitForInbox: false, beforeLoad: (harness) => harness.core.duty.setSchedule(schedule) });
    const { page } = inbox;
    await page.getByRole('button', { name: 'Jeter un coup d’œil quand même' }).click();
    await inbox.options.first().click();
    await page.locator('#composer-text').fill('Bonsoir! On vous revient demain matin sans faute.');
    // Québec's "9 h", not Intl's short time "09 h 00"; "1er" on the first of the month.
    const when = `${formatWrittenDate(shiftStart, 'fr-CA', { dateStyle: 'medium', timeZone: 'UTC' })}, 9 h`;
    // The shift as the hours say it, on the schedule's clock (UTC, this computer's too: no zone named).
    const shift = `${formatWrittenDate(shiftStart, 'fr-CA', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' })} à 9\u00a0h`;
    await page.getByText(`Vous êtes hors service\u00a0: cette réponse attendra votre prochain quart (${shift})`).waitFor();
    await page.locator('#composer-text').press('Control+Enter');
    const pending = page.locator('.pending-replies .outbox-item', { hasText: 'Bonsoir! On vous revient' });
    await pending.getByText(`Programmée pour ${when}`).waitFor();

    await page.getByRole('button', { name: /^Boîte d’envoi/ }).click();
    const waiting = page.getByRole('region', { name: 'En attente d’envoi' });
    await waiting.getByText(`Programmée pour ${when}`).waitFor();
    const [item] = await inbox.harness.call('outbox.list', { scope: 'pending' });
    expect(item).toMatchObject({ state: 'queued', scheduledFor: shiftStart, text: 'Bonsoir! On vous revient demain matin sans faute.' });
    await waiting.getByRole('button', { name: 'Annuler' }).click();
    await page.getByText('Rien en attente\u00a0: toutes les réponses sont parties.').waitFor();
    await page.getByLabel('Délai pour annuler un envoi').selectOption({ label: '30\u00a0secondes' });
    await expect.poll(() => inbox?.harness.call('outbox.settings', {})).toEqual({ undoSendMs: 30_000 });
  });

  it('a clicked notification (an urgent one I accepted) shows its conversation: off duty, that is a peek', async () => {
    inbox = await chromium.open('en-CA', { waitForInbox: false, beforeLoad: (harness) => harness.core.duty.setSchedule(noHoursAtAll) });
    const { page } = inbox;
    await page.getByRole('heading', { name: 'You are off duty' }).waitFor();
    const [conversation] = (await inbox.harness.call('conversations.list', { kind: 'dm', limit: 1 })).items;
    await inbox.harness.call('app.showConversation', { conversationId: conversation?.id ?? '' });
    await page.locator('.pane-header h1', { hasText: conversation?.contact.name ?? '?' }).waitFor();
    await page.getByText('You are peeking while off duty.').waitFor();
    expect(peeks(inbox)).toHaveLength(1);
    expect(await inbox.selectedId()).toBe(conversation?.id);
  });

  it('takes a vacation that starts today: off duty as soon as it is saved', async () => {
    inbox = await chromium.open();
    const { page } = inbox;
    await page.getByRole('button', { name: 'My hours' }).click();
    const dialog = page.getByRole('dialog', { name: 'My working hours' });
    await dialog.waitFor();
    const today = new Date().toISOString().slice(0, 10);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) await dialog.getByLabel(day, { exact: true }).fill('00:00-24:00');
    await dialog.getByLabel('From').fill(today);
    await dialog.getByLabel('To (included)').fill(inAWeek);
    await dialog.getByRole('button', { name: 'Add this vacation' }).click();
    await dialog.getByText(`${today} – ${inAWeek}`).waitFor();
    await dialog.getByRole('button', { name: 'Save my hours' }).click();
    await dialog.getByRole('button', { name: 'Save and go off duty' }).click();
    await page.getByRole('heading', { name: 'You are off duty' }).waitFor();
    expect(inbox.harness.core.duty.profile().schedule?.exceptions).toEqual([{ from: today, to: inAWeek, ranges: [] }]);
  });

  it('goes off duty on request, and comes back to work from the off-shift screen: without set hours, that is not "outside my hours"', async () => {
    inbox = await chromium.open();
    const { page } = inbox;
    await inbox.goOffDuty();
    await page.getByRole('button', { name: 'I am working now' }).click();
    await inbox.options.first().waitFor();
    expect(inbox.harness.core.duty.status().override).toBeNull();
    expect(await page.getByText(/Working outside your hours/).count()).toBe(0);
  });
});

describe('hostile-content shield in Chromium', () => {
  it('keeps a hostile message blurred, in the list and the thread, until revealed with v', async () => {
    inbox = await chromium.open();
    const { page, harness } = inbox;
    inbox.receiveDm('e2e-insult', { externalId: 'e2e-angry', handle: '@fache', name: 'Client Fâché' }, 'Vous êtes des voleurs, gang de caves!!!');
    const row = page.locator('[role="option"]', { hasText: 'Client Fâché' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Hostile message, hidden');
    expect(await row.textContent()).not.toContain('voleurs');
    await row.click();
    await page.locator('.message .shielded-text', { hasText: 'voleurs' }).waitFor();
    await inbox.focusList();
    await inbox.press('v');
    await page.locator('.message', { hasText: 'voleurs' }).locator('.shielded-text').waitFor({ state: 'detached' });
    await expect.poll(() => harness.core.context.db.prepare("SELECT count(*) AS n FROM wellbeing_log WHERE kind = 'hostile_revealed'").get()).toEqual({ n: 1 });
  });
});

describe('urgent items in Chromium', () => {
  it('shows a crisis message as urgent, with its escalation on the record; Shift+U marks one by hand', async () => {
    inbox = await chromium.open();
    const { page, harness } = inbox;
    inbox.receiveDm('e2e-crisis', { externalId: 'e2e-parent', handle: '@marc', name: 'Marc Parent' }, 'Mon fils a eu une réaction allergique, il est à l’hôpital.');
    await page.getByRole('button', { name: /^Urgent/ }).click();
    const row = page.locator('[role="option"]', { hasText: 'Marc Parent' });
    await row.waitFor();
    // The demo's own crisis messages are urgent too: every row of the view says so.
    expect(await inbox.options.count()).toBe(await page.locator('[role="option"] .chip.urgent').count());
    await row.click();
    await page.locator('.history', { hasText: 'Marked urgent by the rule “Mots de crise / Crisis words”' }).waitFor();
    await page.locator('.history', { hasText: 'Escalated to You' }).waitFor();

    await page.getByRole('button', { name: /^All open/ }).click();
    await inbox.focusList();
    await inbox.press('j');
    const target = await inbox.selectedId();
    await inbox.press('Shift+U');
    await page.locator(`#conversation-${target} .chip.urgent`).waitFor();
    await expect.poll(() => harness.core.context.db.prepare<[string], { urgent_at: number | null }>('SELECT urgent_at FROM conversations WHERE id = ?').get(target)?.urgent_at).not.toBeNull();
  });
});
