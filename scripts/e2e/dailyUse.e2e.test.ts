import { describe, expect, it } from 'vitest';
import { failOnTheWire } from './answerOnTheWire';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;

const row = (name: string) => inbox?.page.locator('[role="listbox"] [role="option"]', { hasText: name });

describe('small things a daily user trips on, in Chromium', () => {
  it('assigns with a and a note, by keyboard: the row shows the assignee, "Assigned to me" counts and lists it, the history keeps the note', async () => {
    inbox = await chromium.open('en-CA', {
      beforeLoad: async (harness) => {
        await harness.call('me.update', { name: 'Léa Gagnon' });
        await harness.call('team.add', { name: 'Ana Roy', schedule: null });
      },
    });
    const { page } = inbox;
    inbox.receiveDm('e2e-wedding', { externalId: 'valerie', handle: '@valerie', name: 'Valérie Côté' }, 'Hi! A big order for a wedding in June?');
    await row('Valérie Côté')?.click();
    await inbox.focusList();

    await inbox.press('a');
    const picker = page.getByRole('dialog', { name: 'Assign to' });
    const people = picker.getByRole('listbox', { name: 'People' });
    expect(await people.getByRole('option').allTextContents()).toEqual(['LGLéa Gagnon (me)', 'ARAna Roy', 'Nobody (unassign)']);
    // Typeahead, then the arrows: the active option is the one Enter assigns.
    await page.keyboard.type('an');
    await expect.poll(() => people.locator('[aria-selected="true"]').textContent()).toBe('ARAna Roy');
    await inbox.press('ArrowUp');
    await expect.poll(() => people.locator('[aria-selected="true"]').textContent()).toBe('LGLéa Gagnon (me)');
    await inbox.press('Tab');
    await page.keyboard.type('Wedding: call back before Friday');
    await inbox.press('Enter');
    await picker.waitFor({ state: 'detached' });

    await row('Valérie Côté')?.locator('.chip.assignee', { hasText: 'Léa Gagnon' }).waitFor();
    expect(await row('Valérie Côté')?.getAttribute('aria-label')).toMatch(/, assigned to Léa Gagnon$/);
    const mine = inbox.sidebarView('Assigned to me');
    await expect.poll(() => mine.locator('.view-count').textContent()).toBe('1');
    await mine.click();
    await expect.poll(() => inbox?.options.allTextContents()).toEqual([expect.stringContaining('Valérie Côté')]);
    await page.locator('.history', { hasText: 'Assigned to you — “Wedding: call back before Friday”' }).waitFor();

    // The bulk selection too: two picked rows go to Ana, and leave my view.
    await inbox.sidebarView('All open').click();
    await row('Valérie Côté')?.click();
    await inbox.focusList();
    await inbox.press('x', 'j', 'x');
    await inbox.assign('ana', 'Ana knows the caterer');
    await expect.poll(() => page.locator('[role="option"] .chip.assignee', { hasText: 'Ana Roy' }).count()).toBe(2);
    await expect.poll(() => mine.locator('.view-count').count()).toBe(0);
  });

  it('uses my name and signature from Settings → Me in a template preview, and asks before closing the editor on unsaved edits', async () => {
    inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    await page.getByRole('navigation').getByRole('button', { name: 'Réglages' }).click();
    const settings = page.getByRole('dialog', { name: 'Réglages' });
    await settings.getByRole('tab', { name: 'Moi' }).click();
    await settings.getByLabel('Votre nom').fill('Léa Gagnon');
    await settings.getByLabel('Signature').fill('— Léa, service à la clientèle');
    await settings.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Votre nom et votre signature sont enregistrés.').waitFor();
    await settings.getByRole('button', { name: 'Fermer', exact: true }).click();

    await page.getByRole('navigation').getByRole('button', { name: 'Modèles de réponse' }).click();
    const editor = page.getByRole('dialog', { name: 'Modèles de réponse' });
    await editor.getByRole('button', { name: 'Nouveau modèle' }).click();
    await editor.getByLabel('Texte').fill('Merci! {{ me.first_name }} {{ me.signature }}');
    await expect.poll(() => editor.getByTestId('template-preview').textContent()).toBe('Merci! Léa — Léa, service à la clientèle');

    // Escape asks first; keeping on editing keeps the text.
    await inbox.press('Escape');
    const ask = editor.getByRole('alert').filter({ hasText: 'Ce modèle a des modifications non enregistrées.' });
    await ask.waitFor();
    // The question takes the focus: Enter keeps on editing (in the text it would add a line).
    await inbox.press('Enter');
    await ask.waitFor({ state: 'detached' });
    expect(await editor.getByLabel('Texte').inputValue()).toBe('Merci! {{ me.first_name }} {{ me.signature }}');
    // So does Close; discarding closes.
    await editor.getByRole('button', { name: 'Fermer', exact: true }).click();
    await ask.getByRole('button', { name: 'Les abandonner et fermer' }).click();
    await editor.waitFor({ state: 'detached' });
    expect((await inbox.harness.call('templates.list', {})).some((template) => template.variants.some((variant) => variant.body.includes('me.signature')))).toBe(false);

    // Without edits, Escape closes at once.
    await page.getByRole('navigation').getByRole('button', { name: 'Modèles de réponse' }).click();
    await editor.getByRole('button', { name: 'Nouveau modèle' }).waitFor();
    await inbox.press('Escape');
    await editor.waitFor({ state: 'detached' });
  });

  it('says so in Settings → Me when my name cannot be read, and reads it again on “Try again”, by keyboard', async () => {
    const failing = failOnTheWire('duty.me', 'database is locked');
    inbox = await chromium.open('en-CA', { preparePage: failing.preparePage, beforeLoad: (harness) => harness.call('me.update', { name: 'Léa Gagnon' }) });
    const { page } = inbox;
    failing.isFailing = true;
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('tab', { name: 'Me' }).click();
    await settings.getByRole('alert').filter({ hasText: 'Your name and signature could not be read: database is locked' }).waitFor();
    failing.isFailing = false;
    await settings.getByRole('button', { name: 'Try again' }).focus();
    await inbox.press('Enter');
    await expect.poll(() => settings.getByLabel('Your name').inputValue()).toBe('Léa Gagnon');
    expect(await settings.getByRole('alert').count()).toBe(0);
  });

  it('shows a badge on a blocked author’s contact card and messages once blocking went through', async () => {
    inbox = await chromium.open('en-CA', { beforeLoad: (harness) => harness.call('outbox.setUndoDelay', { undoSendMs: 0 }) });
    const { page } = inbox;
    inbox.receiveMention('e2e-troll', { externalId: 'troll', handle: '@troll@example.social', name: 'Troll Tremblay' }, '@brulerie your coffee is a scam');
    await row('Troll Tremblay')?.click();
    const card = page.getByRole('complementary', { name: 'Contact' });
    await card.getByRole('heading', { name: 'Troll Tremblay' }).waitFor();
    expect(await card.getByText('Blocked').count()).toBe(0);

    await inbox.focusList();
    await inbox.press('m');
    await page.getByRole('dialog').getByRole('option', { name: 'Block Troll Tremblay on Mastodon…' }).click();
    await page.getByRole('dialog', { name: 'Block Troll Tremblay on Mastodon?' }).getByRole('button', { name: 'Block', exact: true }).click();

    await card.locator('.contact-blocked', { hasText: /Blocked on Mastodon since / }).waitFor();
    await page.locator('.message', { hasText: 'your coffee is a scam' }).locator('.chip.blocked', { hasText: 'Blocked' }).waitFor();
  });
});
