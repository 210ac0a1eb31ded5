import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';
import { answerLate } from './answerOnTheWire';

const chromium = useInboxInChromium();

type TriageRow = { status: string; snooze_until: number | null; unread_count: number; assignee_id: string | null; urgent_at: number | null; tags: string | null };

/** What triage changes about a conversation, read from the core's database. */
const stateInCore = (inbox: InboxPage, id: string) =>
  inbox.harness.core.context.db
    .prepare<[string], TriageRow>(
      `SELECT status, snooze_until, unread_count, assignee_id, urgent_at,
         (SELECT group_concat(t.name) FROM conversation_tags ct JOIN tags t ON t.seq = ct.tag_seq WHERE ct.conversation_seq = c.seq) AS tags
       FROM conversations c WHERE id = ?`,
    )
    .get(id);

const notice = (inbox: InboxPage) => inbox.page.locator('.toasts [role="status"] .toast').last();


describe('every triage action can be undone', () => {
  it('done says so with Undo; Undo puts a snoozed conversation back snoozed until the same time', async () => {
    const inbox = await chromium.open();
    await inbox.page.setViewportSize({ width: 1000, height: 700 });
    await inbox.focusList();
    const target = await inbox.selectedId();
    const before = stateInCore(inbox, target);
    await inbox.press('e');
    await expect.poll(() => notice(inbox).textContent()).toBe('Conversation marked doneUndo');
    await screenshot(inbox.page, 'triage/notice-en-1000');
    await notice(inbox).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => stateInCore(inbox, target)).toEqual(before);
    await expect.poll(() => notice(inbox).textContent()).toBe('Marking as done undone');
    await expect.poll(() => inbox.selectedId()).toBe(target);

    // Snoozed elsewhere, then marked done from the Snoozed view: Undo brings back the snooze, not "open".
    const until = Date.now() + 3 * 86_400_000;
    await inbox.harness.call('conversations.setStatus', { ids: [target], status: 'snoozed', snoozeUntil: until });
    await inbox.sidebarView('Snoozed').click();
    await inbox.page.locator(`#conversation-${target}`).click();
    await inbox.press('e');
    await expect.poll(() => stateInCore(inbox, target)?.status).toBe('done');
    await notice(inbox).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => stateInCore(inbox, target)).toMatchObject({ status: 'snoozed', snooze_until: until });
    await inbox.page.locator(`#conversation-${target}`).waitFor();
  });

  it('z undoes snooze, tag, assign, spam, urgent and read, one after the other, and says when there is nothing left', async () => {
    const inbox = await chromium.open();
    await inbox.focusList();
    await inbox.press('j');
    const target = await inbox.selectedId();
    const before = stateInCore(inbox, target);
    const undoWithZ = async () => {
      await inbox.focusList();
      await inbox.press('z');
      await expect.poll(() => stateInCore(inbox, target)).toEqual(before);
      await expect.poll(() => inbox.selectedId()).toBe(target);
    };

    await inbox.press('s');
    await inbox.page.getByRole('dialog').getByRole('option', { name: /Tomorrow morning/ }).click();
    await expect.poll(() => notice(inbox).textContent()).toMatch(/^Conversation snoozed until .+Undo$/);
    await undoWithZ();

    await inbox.press('#');
    await inbox.page.keyboard.type('rappel');
    await inbox.press('Enter');
    await expect.poll(() => notice(inbox).textContent()).toBe('Tag #rappel added to the conversationUndo');
    await undoWithZ();

    await inbox.assign('', 'for the morning shift');
    await expect.poll(() => notice(inbox).textContent()).toMatch(/^Conversation assigned to you/);
    await undoWithZ();
    // The record says so: the assignment, then the way back.
    await expect.poll(() => inbox.page.locator('.history').textContent()).toMatch(/Assigned to you — “for the morning shift”.*Unassigned \(undo\)/);

    await inbox.press('!');
    await expect.poll(() => notice(inbox).textContent()).toBe('Conversation marked as spamUndo');
    await undoWithZ();

    await inbox.press('U');
    await expect.poll(() => notice(inbox).textContent()).toBe('Conversation marked urgentUndo');
    await undoWithZ();
    await inbox.press('u');
    await expect.poll(() => notice(inbox).textContent()).toBe('Conversation marked readUndo');
    await undoWithZ();

    await inbox.press('z', 'z', 'z', 'z', 'z', 'z', 'z');
    await expect.poll(() => notice(inbox).textContent()).toBe('Nothing to undo.');
  });

  it('`e` as the README says: done moves to the next without touching it; z brings it back; in the Done view, e reopens', async () => {
    const inbox = await chromium.open();
    await inbox.focusList();
    const first = await inbox.selectedId();
    await inbox.press('Enter');
    await inbox.press('e');
    await expect.poll(() => inbox.statusInCore(first)).toBe('done');
    const next = await inbox.selectedId();
    expect(next).not.toBe(first);
    // The report: "e again" was expected to reopen and marked the next one done instead. The
    // README now says e marks the selected conversation done; z is how to take it back.
    expect(inbox.statusInCore(next)).toBe('open');
    // The core may have saved it before the window heard back: z acts on what the notice shows.
    await expect.poll(() => notice(inbox).textContent()).toBe('Conversation marked doneUndo');
    await inbox.press('z');
    await expect.poll(() => inbox.statusInCore(first)).toBe('open');
    await expect.poll(() => inbox.selectedId()).toBe(first);
    expect(inbox.statusInCore(next)).toBe('open');

    await inbox.press('e');
    await expect.poll(() => inbox.statusInCore(first)).toBe('done');
    await inbox.sidebarView('Done').click();
    await inbox.page.locator(`#conversation-${first}`).click();
    await expect.poll(() => inbox.selectedId()).toBe(first);
    await inbox.focusList();
    await inbox.press('e');
    await expect.poll(() => inbox.statusInCore(first)).toBe('open');
    await expect.poll(() => notice(inbox).textContent()).toBe('Conversation reopenedUndo');
    expect(inbox.statusInCore(next)).toBe('open');
  });

  it('z pressed right after e, before the core has answered, undoes that e', async () => {
    // The core's answer to the change takes its time, as on a busy machine.
    const inbox = await chromium.open('en-CA', { preparePage: (page) => answerLate(page, ['conversations.setStatus'], 400) });
    await inbox.focusList();
    const target = await inbox.selectedId();
    // Both keys in one go, as a person who changed their mind at once types them.
    await inbox.page.keyboard.press('e');
    await inbox.page.keyboard.press('z');
    await expect.poll(() => notice(inbox).textContent()).toMatch(/undone/i);
    await expect.poll(() => inbox.statusInCore(target)).toBe('open');
  });

  it('a tag taken off in the conversation says so, and z puts it back', async () => {
    const inbox = await chromium.open();
    await inbox.focusList();
    const target = await inbox.selectedId();
    await inbox.harness.call('conversations.tag', { ids: [target], add: ['vip'] });
    await inbox.page.reload();
    await inbox.options.first().waitFor();
    await inbox.page.getByRole('button', { name: 'Remove tag vip' }).click();
    await expect.poll(() => notice(inbox).textContent()).toBe('Tag #vip removed from the conversationUndo');
    await expect.poll(() => stateInCore(inbox, target)?.tags).toBeNull();
    await inbox.focusList();
    await inbox.press('z');
    await expect.poll(() => stateInCore(inbox, target)?.tags).toBe('vip');
    await inbox.page.getByRole('button', { name: 'Remove tag vip' }).waitFor();
  });

  it('undo is in the shortcut sheet and the command palette, in French', async () => {
    const inbox = await chromium.open('fr-CA');
    await inbox.focusList();
    const target = await inbox.selectedId();
    await inbox.press('e');
    await expect.poll(() => notice(inbox).textContent()).toBe('Conversation marquée comme traitéeAnnuler');
    await inbox.press('Control+k');
    await inbox.page.keyboard.type('annuler la');
    await inbox.press('Enter');
    await expect.poll(() => inbox.statusInCore(target)).toBe('open');
    await expect.poll(() => notice(inbox).textContent()).toBe('Marquage comme traitée annulé');
    await inbox.focusList();
    await inbox.press('?');
    const line = inbox.page.getByRole('dialog', { name: 'Raccourcis clavier' }).locator('div', { hasText: 'Annuler la dernière action' });
    expect(await line.locator('kbd').textContent()).toBe('z');
    await screenshot(inbox.page, 'triage/shortcut-sheet-fr');
  });

  it('refuses, in French and naming why, to undo "done" once the customer wrote again', async () => {
    const inbox = await chromium.open('fr-CA');
    await inbox.page.locator('[role="option"]', { hasText: 'Message privé' }).first().click();
    const target = await inbox.selectedId();
    await inbox.focusList();
    await inbox.press('e');
    await expect.poll(() => inbox.statusInCore(target)).toBe('done');
    // The customer writes again in the same thread: the conversation reopens by itself.
    const thread = inbox.harness.core.context.db
      .prepare<[string], { account_id: string; platform: 'facebook'; thread: string; author: string; handle: string }>(
        `SELECT a.id AS account_id, a.platform, c.thread_external_id AS thread, ct.external_id AS author, ct.handle
         FROM conversations c JOIN accounts a ON a.seq = c.account_seq JOIN contacts ct ON ct.seq = c.contact_seq WHERE c.id = ?`,
      )
      .get(target);
    if (!thread) throw new Error('no such conversation');
    inbox.harness.core.context.ingest({
      accountId: thread.account_id,
      source: 'e2e',
      items: [{ platform: thread.platform, kind: 'dm', externalId: 'again-1', threadExternalId: thread.thread, author: { externalId: thread.author, handle: thread.handle, name: 'Encore' }, text: 'Allô? Encore moi.', createdAt: Date.now() }],
    });
    await expect.poll(() => inbox.statusInCore(target)).toBe('open');
    await notice(inbox).getByRole('button', { name: 'Annuler' }).click();
    const refusal = inbox.page.locator('.toasts [role="alert"] .toast');
    await expect.poll(() => refusal.textContent()).toBe('Pas annulé : une conversation a changé depuis (un nouveau message ou un changement fait ailleurs). Rien n’a été modifié.');
    await screenshot(inbox.page, 'triage/undo-refused-fr');
    expect(inbox.statusInCore(target)).toBe('open');
  });
});
