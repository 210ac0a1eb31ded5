import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();

type TriageRow = { status: string; snooze_until: number | null; unread_count: number; assignee_id: string | null; tags: string | null };

const statesInCore = (inbox: InboxPage, ids: readonly string[]) =>
  ids.map((id) =>
    inbox.harness.core.context.db
      .prepare<[string], TriageRow>(
        `SELECT status, snooze_until, unread_count, assignee_id,
           (SELECT group_concat(t.name) FROM conversation_tags ct JOIN tags t ON t.seq = ct.tag_seq WHERE ct.conversation_seq = c.seq) AS tags
         FROM conversations c WHERE id = ?`,
      )
      .get(id),
  );

const bar = (inbox: InboxPage) => inbox.page.getByRole('group', { name: /^(Actions for|Actions pour) 3 / });
const notice = (inbox: InboxPage) => inbox.page.locator('.toasts [role="status"] .toast').last();

/** x on three rows in a row, from the cursor down: the ids picked. */
async function pickThree(inbox: InboxPage): Promise<string[]> {
  await inbox.focusList();
  const ids: string[] = [];
  for (const key of ['x', 'j', 'x', 'j', 'x']) {
    if (key === 'x') ids.push(await inbox.selectedId());
    await inbox.press(key);
  }
  await bar(inbox).waitFor();
  return ids;
}

/** The bar is one row, inside the window: every button on the same line. */
async function expectOneRow(inbox: InboxPage, width: number): Promise<void> {
  const boxes = await bar(inbox).getByRole('button').evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect()).map(({ top, left, right }) => ({ top, left, right })));
  expect(boxes).toHaveLength(8);
  expect(new Set(boxes.map((box) => Math.round(box.top))).size).toBe(1);
  expect(Math.min(...boxes.map((box) => box.left))).toBeGreaterThanOrEqual(0);
  expect(Math.max(...boxes.map((box) => box.right))).toBeLessThanOrEqual(width);
}


describe('the bulk bar', () => {
  it('offers every bulk action with its key, in one row at 1000 px, reached with Tab; each acts on the three and Undo restores them', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    const ids = await pickThree(inbox);
    const before = statesInCore(inbox, ids);
    const labels = await bar(inbox).getByRole('button').allTextContents();
    expect(labels).toEqual(['✓Donee', '◔Snoozes', '#Tag#', '●Readu', '➜Assigna', '⊘Spam!', '⚑Moderatem', 'ClearEsc']);
    expect(await bar(inbox).textContent()).toMatch(/^3 selected/);
    await expectOneRow(inbox, 1000);
    await screenshot(inbox.page, 'triage/bulk-bar-en-1000');
    await inbox.focusList();
    await inbox.press('Tab');
    expect(await inbox.hasFocus(bar(inbox).getByRole('button', { name: /Done/ }))).toBe(true);

    const undoAndPickAgain = async (said: string | RegExp) => {
      await expect.poll(() => notice(inbox).textContent()).toMatch(said);
      await notice(inbox).getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => statesInCore(inbox, ids)).toEqual(before);
      await expect.poll(() => inbox.selectedId()).toBe(ids[0]);
      expect(await pickThree(inbox)).toEqual(ids);
    };
    const click = (name: RegExp) => bar(inbox).getByRole('button', { name }).click();

    // The key works on the selection as the button does.
    await inbox.press('e');
    await expect.poll(() => statesInCore(inbox, ids).map((row) => row?.status)).toEqual(['done', 'done', 'done']);
    await undoAndPickAgain(/^3 conversations marked doneUndo$/);
    await click(/Done/);
    await undoAndPickAgain(/^3 conversations marked doneUndo$/);
    await click(/Snooze/);
    await inbox.page.getByRole('dialog').getByRole('option', { name: /Tomorrow morning/ }).click();
    await undoAndPickAgain(/^3 conversations snoozed until /);
    await click(/Tag/);
    await inbox.page.keyboard.type('lot');
    await inbox.press('Enter');
    await undoAndPickAgain('Tag #lot added to 3 conversationsUndo');
    await click(/Read/);
    await undoAndPickAgain('3 conversations marked readUndo');
    await click(/Assign/);
    await inbox.page.getByRole('dialog').getByRole('listbox').waitFor();
    await inbox.press('Enter');
    await undoAndPickAgain('3 conversations assigned to youUndo');
    await click(/Spam/);
    await undoAndPickAgain('3 conversations marked as spamUndo');
    // Moderation has its own choices and its own delay to undo: the bar opens them for the three.
    await click(/Moderate/);
    await inbox.page.getByRole('dialog').waitFor();
    await inbox.press('Escape');
    await inbox.page.getByRole('dialog').waitFor({ state: 'detached' });

    await inbox.focusList();
    await inbox.press('Escape');
    await bar(inbox).waitFor({ state: 'detached' });
  });

  it('fits in one row in French at 1000 px, and at 1920 px', async () => {
    const inbox = await chromium.open('fr-CA');
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await pickThree(inbox);
    expect(await bar(inbox).textContent()).toMatch(/^3 sélectionnées/);
    await expectOneRow(inbox, 1000);
    await inbox.press('e');
    await expect.poll(() => notice(inbox).textContent()).toBe('3 conversations marquées comme traitéesAnnuler');
    await screenshot(inbox.page, 'triage/notice-fr-1000');
    await notice(inbox).getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => notice(inbox).textContent()).toBe('Marquage de 3 conversations comme traitées annulé');
    await pickThree(inbox);
    await screenshot(inbox.page, 'triage/bulk-bar-fr-1000');
    await inbox.page.setViewportSize({ width: 1920, height: 1080 });
    await expectOneRow(inbox, 1920);
    await screenshot(inbox.page, 'triage/bulk-bar-fr-1920');
  });
});
