import { describe, expect, it } from 'vitest';
import { insertNote } from '../../electron/core/notes/noteStore';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();
/** Under SCREENS_DIR (PIEUVRE_SCREENS_DIR, else test-results/). */
const SHOTS = 'hand-off';
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One hour a day on UTC's clock, well away from now: the teammate is off now and back later today or tomorrow. */
function offNowSchedule() {
  const range: [string, string] = new Date().getUTCHours() < 12 ? ['15:00', '16:00'] : ['03:00', '04:00'];
  return { timeZone: 'UTC', weekly: Object.fromEntries(DAYS.map((day) => [day, [range]])) as Record<(typeof DAYS)[number], [string, string][]> };
}

/** Julie on duty all the time (no hours), Élodie off now; my name is Marc. */
async function addTeam(inbox: InboxPage) {
  await inbox.harness.call('me.update', { name: 'Marc' });
  const julie = await inbox.harness.call('team.add', { name: 'Julie Gagnon', schedule: null });
  const elodie = await inbox.harness.call('team.add', { name: 'Élodie Bégin', schedule: offNowSchedule() });
  return { julie, elodie };
}

const count = (inbox: InboxPage, sql: string, ...params: unknown[]) => (inbox.harness.core.context.db.prepare(sql).get(...params) as { n: number }).n;

async function openFirstConversation(inbox: InboxPage): Promise<string> {
  await inbox.options.first().click();
  const id = await inbox.selectedId();
  await inbox.page.locator('.pane-header h1').waitFor();
  return id;
}

const SIZES = [
  { width: 1000, height: 700 },
  { width: 1920, height: 1080 },
] as const;

describe('notes and hand-off in Chromium', () => {
  it('a note with an @mention written by keyboard is shown as a note, tells the teammate and sends nothing', async () => {
    const inbox = await chromium.open('en-CA', { beforeLoad: (harness) => harness.call('me.update', { name: 'Marc' }) });
    const { page } = inbox;
    const julie = await inbox.harness.call('team.add', { name: 'Julie Gagnon', schedule: null });
    await inbox.focusList();
    await inbox.press('Enter');
    const conversationId = await inbox.selectedId();
    const outboxBefore = count(inbox, 'SELECT count(*) AS n FROM outbox');
    await inbox.press('n');
    const note = page.getByRole('textbox', { name: 'Internal note' });
    await expect.poll(() => inbox.hasFocus(note)).toBe(true);
    await page.getByRole('button', { name: 'Add note' }).waitFor();
    await page.keyboard.type('Called her back, @jul');
    const picker = page.getByRole('listbox', { name: 'Teammates' });
    await picker.getByRole('option', { name: /Julie Gagnon/ }).waitFor();
    await inbox.press('Enter');
    await page.keyboard.type('can you follow up tomorrow?');
    expect(await note.inputValue()).toBe('Called her back, @Julie Gagnon can you follow up tomorrow?');
    await inbox.press('Control+Enter');
    const card = page.locator('.note-card');
    await card.getByText('Internal note · not sent to').waitFor();
    await expect.poll(() => card.locator('mark.mention').textContent()).toBe('@Julie Gagnon');
    expect(await note.inputValue()).toBe('');
    expect(count(inbox, 'SELECT count(*) AS n FROM outbox')).toBe(outboxBefore);
    expect(count(inbox, "SELECT count(*) AS n FROM person_notices WHERE kind = 'mention' AND person_seq = (SELECT seq FROM people WHERE id = ?)", julie.id)).toBe(1);
    expect(count(inbox, "SELECT count(*) AS n FROM notes n JOIN conversations c ON c.seq = n.conversation_seq WHERE c.id = ? AND n.kind = 'note'", conversationId)).toBe(1);

    // Back to Reply by mouse: the reply box, its Send and its own look return, the keyboard in it.
    const modes = page.getByRole('group', { name: 'Write a' });
    await modes.getByRole('button', { name: 'Reply' }).click();
    expect(await modes.getByRole('button', { name: 'Reply' }).getAttribute('aria-pressed')).toBe('true');
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await expect.poll(() => inbox.hasFocus(reply)).toBe(true);
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    expect(await page.locator('.composer-area.is-note').count()).toBe(0);

    // Its author deletes it, after saying yes.
    await card.getByRole('button', { name: 'Delete' }).click();
    await card.getByRole('group', { name: 'Delete this note?' }).getByRole('button', { name: 'Delete' }).click();
    await card.waitFor({ state: 'detached' });
    expect(count(inbox, 'SELECT count(*) AS n FROM person_notices')).toBe(0);
  });

  it('hands a conversation off with a note by mouse; picking someone off duty offers whoever is on, and Undo takes it back', async () => {
    const inbox = await chromium.open();
    const { page } = inbox;
    const { julie } = await addTeam(inbox);
    const conversationId = await openFirstConversation(inbox);
    await page.getByRole('button', { name: 'Hand off to…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand off to…' });
    await dialog.getByLabel('Note for them (shown on top of the conversation)').fill('Refund promised: please confirm the amount');
    await dialog.getByRole('option', { name: /Élodie Bégin/ }).click();
    await dialog.getByRole('status').getByText(/^Élodie Bégin is off until .+: they will see it when they are back\.$/).waitFor();
    await dialog.getByRole('option', { name: /Julie Gagnon/ }).getByText('On duty').waitFor();
    await dialog.getByRole('button', { name: 'Give it to Julie Gagnon (on duty)' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => inbox.harness.core.context.db.prepare<[string], { a: string | null }>('SELECT assignee_id AS a FROM conversations WHERE id = ?').get(conversationId)?.a).toBe(julie.id);
    const card = page.locator('.note-card[data-note-kind="handoff"]');
    await card.getByText('You handed off to Julie Gagnon').waitFor();
    await card.getByText('Refund promised: please confirm the amount').waitFor();
    expect(count(inbox, "SELECT count(*) AS n FROM person_notices WHERE kind = 'handoff'")).toBe(1);

    await page.getByRole('button', { name: 'Undo' }).click();
    await card.waitFor({ state: 'detached' });
    expect(count(inbox, 'SELECT count(*) AS n FROM notes')).toBe(0);
    expect(count(inbox, 'SELECT count(*) AS n FROM person_notices')).toBe(0);
  });

  it('hands off by keyboard: H, a few letters, Enter, Tab to the note, Ctrl+Enter', async () => {
    const inbox = await chromium.open();
    const { page } = inbox;
    const { julie } = await addTeam(inbox);
    await inbox.focusList();
    const conversationId = await inbox.selectedId();
    await inbox.press('H');
    const dialog = page.getByRole('dialog', { name: 'Hand off to…' });
    await dialog.getByRole('option', { name: /Julie Gagnon/ }).waitFor();
    // Typed before the dialog takes the focus (a busy machine), the letters would go nowhere.
    await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.type('jul');
    await inbox.press('Enter');
    await dialog.getByRole('button', { name: 'Hand off to Julie Gagnon' }).waitFor();
    await inbox.press('Tab');
    await page.keyboard.type('Needs the invoice');
    await inbox.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => count(inbox, 'SELECT count(*) AS n FROM conversations WHERE id = ? AND assignee_id = ?', conversationId, julie.id)).toBe(1);
    expect(count(inbox, "SELECT count(*) AS n FROM notes WHERE kind = 'handoff' AND text = 'Needs the invoice'")).toBe(1);
  });

  it('the receiver finds it in Assigned to me with the hand-off note on top, until they dismiss it', async () => {
    const inbox = await chromium.open();
    const { page } = inbox;
    const { julie } = await addTeam(inbox);
    const [me] = await inbox.harness.call('team.list', {});
    const { items } = await inbox.harness.call('conversations.list', { status: 'open', limit: 1 });
    const conversationId = items[0]?.id ?? '';
    // Julie's hand-off, as her desktop writes it: the note, then the assignment to me.
    const { db } = inbox.harness.core.context;
    const seq = db.prepare<[string], { seq: number }>('SELECT seq FROM conversations WHERE id = ?').get(conversationId)?.seq ?? 0;
    insertNote(db, { conversationSeq: seq, kind: 'handoff', text: 'She is waiting for the tracking number', authorId: julie.id, authorName: 'Julie Gagnon', mentions: [{ personId: me?.id ?? '', name: 'Marc' }] }, Date.now());
    await inbox.harness.call('conversations.assign', { ids: [conversationId], assigneeId: me?.id ?? '' });
    await inbox.sidebarView('Assigned to me').click();
    await page.locator(`#conversation-${conversationId}`).click();
    const banner = page.getByRole('region', { name: 'Hand-off note' });
    await banner.getByText('Julie Gagnon handed this conversation to you').waitFor();
    await banner.getByText('She is waiting for the tracking number').waitFor();
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached' });
    // Closed stays closed, the next time the app opens too.
    await page.reload();
    await page.locator(`#conversation-${conversationId}`).click();
    await page.locator('.note-card[data-note-kind="handoff"]').waitFor();
    expect(await banner.count()).toBe(0);
  });

  it('after “I am off now”, offers to hand off what is still open and mine; handing off gives each away with the note', async () => {
    const inbox = await chromium.open();
    const { page } = inbox;
    const { julie } = await addTeam(inbox);
    const [me] = await inbox.harness.call('team.list', {});
    const { items } = await inbox.harness.call('conversations.list', { status: 'open', limit: 2 });
    const ids = items.map((item) => item.id);
    await inbox.harness.call('conversations.assign', { ids, assigneeId: me?.id ?? '' });
    await inbox.goOffDuty();
    const offer = page.getByRole('dialog', { name: 'Your shift is over: 2 open conversations are still yours' });
    await offer.getByRole('listitem').nth(1).waitFor();
    await offer.getByLabel('Give them to').selectOption({ label: 'Julie Gagnon' });
    await offer.getByLabel('A note for all of them (optional)').fill('Both wait for a refund');
    await offer.getByRole('button', { name: 'Hand off 2' }).click();
    await offer.waitFor({ state: 'detached' });
    await expect.poll(() => count(inbox, 'SELECT count(*) AS n FROM conversations WHERE assignee_id = ?', julie.id)).toBe(2);
    expect(count(inbox, "SELECT count(*) AS n FROM notes WHERE kind = 'handoff' AND text = 'Both wait for a refund'")).toBe(2);
    // Going off duty was never held: the off-shift screen is there.
    await page.getByRole('heading', { name: 'You are off duty' }).waitFor();
  });

  it('“Keep them” closes the offer and keeps them mine', async () => {
    const inbox = await chromium.open();
    const { page } = inbox;
    await addTeam(inbox);
    const [me] = await inbox.harness.call('team.list', {});
    const { items } = await inbox.harness.call('conversations.list', { status: 'open', limit: 1 });
    await inbox.harness.call('conversations.assign', { ids: items.map((item) => item.id), assigneeId: me?.id ?? '' });
    await inbox.goOffDuty();
    const offer = page.getByRole('dialog', { name: 'Your shift is over: 1 open conversation is still yours' });
    await offer.getByRole('button', { name: 'Keep them' }).click();
    await offer.waitFor({ state: 'detached' });
    expect(count(inbox, 'SELECT count(*) AS n FROM conversations WHERE assignee_id = ?', me?.id)).toBe(1);
  });

  it('pictures: a note and the Note mode, the off-duty hand-off, the hand-off on top, the end-of-shift offer (en, fr; small and large)', async () => {
    const runs = ['en-CA', 'fr-CA'].flatMap((locale) => SIZES.map((size) => ({ locale, size })));
    for (const [index, { locale, size }] of runs.entries()) {
      {
        const inbox = await chromium.open(locale);
        const { page } = inbox;
        await page.setViewportSize(size);
        const name = (what: string) => `${SHOTS}/${what}-${locale.slice(0, 2)}-${size.width}x${size.height}`;
        const { julie } = await addTeam(inbox);
        const [me] = await inbox.harness.call('team.list', {});
        const { items } = await inbox.harness.call('conversations.list', { status: 'open', limit: 3 });
        const [first, second, third] = items.map((item) => item.id);
        await inbox.harness.call('notes.add', { conversationId: first ?? '', text: 'Déjà rappelée. @Julie Gagnon peux-tu confirmer le remboursement demain?' });
        await page.locator(`#conversation-${first}`).click();
        await page.locator('.note-card').waitFor();
        await inbox.focusList();
        await inbox.press('n');
        await page.keyboard.type('Merci ');
        await screenshot(page, name('note-mode'));
        await page.keyboard.type('@');
        await page.locator('.mention-picker [role="option"]').first().waitFor();
        await screenshot(page, name('note-picker'));
        await inbox.press('Escape', 'Escape');

        await page.locator('.handoff-open').click();
        await page.locator('.handoff-dialog [role="option"]', { hasText: 'Élodie' }).click();
        await page.locator('.handoff-off-duty').waitFor();
        await screenshot(page, name('handoff-off-duty'));
        await inbox.press('Escape');
        await page.locator('.handoff-dialog').waitFor({ state: 'detached' });

        const { db } = inbox.harness.core.context;
        const seq = db.prepare<[string], { seq: number }>('SELECT seq FROM conversations WHERE id = ?').get(second ?? '')?.seq ?? 0;
        insertNote(db, { conversationSeq: seq, kind: 'handoff', text: 'Elle attend son numéro de suivi depuis mardi', authorId: julie.id, authorName: 'Julie Gagnon', mentions: [{ personId: me?.id ?? '', name: 'Marc' }] }, Date.now());
        await inbox.harness.call('conversations.assign', { ids: [second ?? '', third ?? ''], assigneeId: me?.id ?? '' });
        await page.locator(`#conversation-${second}`).click();
        await page.locator('.handoff-banner').waitFor();
        await screenshot(page, name('handoff-banner'));

        // My shift ends as the duty service sees it (not through the button): the offer comes all the same.
        await inbox.harness.call('duty.override', { kind: 'off' });
        await page.locator('.end-of-shift').waitFor();
        await screenshot(page, name('end-of-shift'));
        // The last one is closed (and its page errors checked) after the test, like every other.
        if (index < runs.length - 1) {
          expect(inbox.pageErrors).toEqual([]);
          await inbox.close();
        }
      }
    }
  }, 120_000);
});
