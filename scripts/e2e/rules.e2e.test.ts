import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rulesFileSchema } from '../../shared/rules/ruleSchema';
import type { Harness } from '../harness/startHarness';
import { clippedText } from './clippedText';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;

/** Direct messages received before the page loads: the history the dry run tries the rule on. */
function receivePast(harness: Harness, items: { id: string; name: string; text: string }[]): void {
  const facebook = harness.core.context.db.prepare<[], { id: string }>("SELECT id FROM accounts WHERE platform = 'facebook'").get();
  harness.core.context.ingest({
    accountId: facebook?.id ?? '',
    source: 'e2e',
    items: items.map(({ id, name, text }) => ({
      platform: 'facebook' as const,
      kind: 'dm' as const,
      externalId: id,
      threadExternalId: `${id}-thread`,
      author: { externalId: id, handle: `@${id}`, name },
      text,
      createdAt: Date.now() - 3_600_000,
    })),
  });
}

const rows = (settings: Locator) => settings.locator('.rule-row');
const rowNames = (settings: Locator) => rows(settings).locator('.rule-name strong').allTextContents();

describe('Settings → Rules in Chromium', () => {
  it('builds a rule with the mouse, sees its dry run, turns it on, and an incoming message gets tagged and assigned; reorders by drag and Alt+arrows; exports and imports', async () => {
    inbox = await chromium.open('en-CA', {
      beforeLoad: async (harness) => {
        await harness.call('me.update', { name: 'Léa Gagnon' });
        await harness.call('team.add', { name: 'Camille Roy', schedule: null });
        receivePast(harness, [
          { id: 'past-1', name: 'Martin Lavoie', text: 'Je voudrais un remboursement pour ma commande 4417.' },
          { id: 'past-2', name: 'Nadia Haddad', text: 'Any news on my refund? It has been two weeks.' },
        ]);
      },
    });
    const { page } = inbox;

    // By keyboard: the command palette's "Triage rules…" opens Settings on its Rules tab.
    await inbox.focusList();
    await inbox.press('Control+k');
    await page.keyboard.type('Triage rules');
    await inbox.press('Enter');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect.poll(() => settings.getByRole('tab', { name: 'Rules' }).getAttribute('aria-selected')).toBe('true');
    await settings.getByRole('list', { name: 'Rules, in the order they run' }).waitFor();
    const builtIns = await rowNames(settings);

    // With the mouse: text contains rembours*, refund* → tag billing, assign to Camille.
    await settings.getByRole('button', { name: 'New rule' }).click();
    await settings.getByLabel('Name').fill('Refunds');
    await settings.getByRole('textbox', { name: 'Value' }).fill('rembours*, refund*');
    await settings.getByLabel('Tag').fill('billing');
    await settings.getByRole('button', { name: '+ Action' }).click();
    await settings.getByRole('combobox', { name: 'Action' }).nth(1).selectOption('assign');
    await settings.getByRole('combobox', { name: 'To', exact: true }).selectOption({ label: 'Camille Roy' });

    // The dry run appears by itself once the rule is whole, and agrees with the core's own.
    const status = settings.locator('.dry-run-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Would have matched \d+ conversations? \(\d+ messages?\) in the last 30 days$/);
    const definition = {
      name: 'Refunds',
      trigger: { type: 'messageArrived' as const },
      when: { all: [{ field: 'text' as const, op: 'containsAny' as const, values: ['rembours*', 'refund*'] }] },
      actions: [{ type: 'addTag' as const, tag: 'billing' }, { type: 'assign' as const, to: { mode: 'person' as const, personId: (await inbox.harness.call('team.list', {})).find((person) => person.name === 'Camille Roy')?.id ?? '' } }],
    };
    const expected = await inbox.harness.call('rules.dryRun', { definition });
    expect(expected.matchedConversations).toBeGreaterThanOrEqual(2);
    expect(await status.textContent()).toBe(`Would have matched ${expected.matchedConversations} conversations (${expected.matchedMessages} messages) in the last 30 days`);
    // A match opens its conversation; the rule waits, unsaved, for the person's return.
    await settings.locator('.dry-run-sample').getByRole('button', { name: 'Open the conversation with Martin Lavoie' }).click();
    await settings.waitFor({ state: 'detached' });
    await page.locator('.messages').getByText('Je voudrais un remboursement pour ma commande 4417.').waitFor();
    await inbox.focusList();
    await inbox.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await page.keyboard.type('Triage rules');
    await inbox.press('Enter');
    expect(await settings.getByLabel('Name').inputValue()).toBe('Refunds');

    await settings.getByRole('button', { name: 'Save' }).click();
    const refunds = rows(settings).filter({ hasText: 'Refunds' });
    await refunds.locator('.rule-summary', { hasText: 'When a message arrives · Text contains rembours*, refund* → tag billing, assign to Camille Roy' }).waitFor();
    await settings.getByRole('switch', { name: '“Refunds” is on' }).click();
    await expect.poll(async () => (await inbox?.harness.call('rules.list', {}))?.find((rule) => rule.name === 'Refunds')?.isEnabled).toBe(true);

    // Live: a matching message arrives, and lands tagged and assigned.
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
    inbox.receiveDm('e2e-refund', { externalId: 'jo', handle: '@jo', name: 'Jo Tremblay' }, 'Bonjour! Je veux être remboursée, le sac était ouvert.');
    // The person has been working in the list: newcomers wait in the "new — show" bar above it
    // (the demo's own trickle too, so the bar may be there before Jo's message joins it).
    const row = page.locator('[role="listbox"] [role="option"]', { hasText: 'Jo Tremblay' });
    const held = page.getByRole('button', { name: /new — show$/ });
    await expect
      .poll(async () => {
        if (await held.isVisible()) await held.click();
        return row.count();
      }, { timeout: 10_000 })
      .toBe(1);
    await row.locator('.chip.tag', { hasText: '#billing' }).waitFor();
    await row.locator('.chip.assignee', { hasText: 'Camille Roy' }).waitFor();

    // Reorder: drag Refunds to the top, then Alt+↓ on the focused row moves it back down one.
    const reopened = await inbox.openSettings('Rules');
    await rows(reopened).first().waitFor();
    expect(await rowNames(reopened)).toEqual([...builtIns, 'Refunds']);
    await rows(reopened).filter({ hasText: 'Refunds' }).dragTo(rows(reopened).first());
    await expect.poll(() => rowNames(reopened)).toEqual(['Refunds', ...builtIns]);
    await expect.poll(async () => (await inbox?.harness.call('rules.list', {}))?.map((rule) => rule.name)).toEqual(['Refunds', ...builtIns]);
    await rows(reopened).first().focus();
    await inbox.press('Alt+ArrowDown');
    await expect.poll(async () => (await inbox?.harness.call('rules.list', {}))?.map((rule) => rule.name)[1]).toBe('Refunds');
    expect(await inbox.hasFocus(rows(reopened).filter({ hasText: 'Refunds' }))).toBe(true);

    // Export downloads a rules file; importing it shows what it adds, then adds it, turned off.
    const download = page.waitForEvent('download');
    await reopened.getByRole('button', { name: 'Export' }).click();
    const path = await (await download).path();
    const exported = rulesFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(exported.rules.map((rule) => rule.name)).toContain('Refunds');
    await reopened.locator('input[type="file"]').setInputFiles(path);
    const preview = reopened.locator('.import-preview');
    await preview.getByText(`adds ${exported.rules.length} rules, turned off:`).waitFor();
    await preview.getByRole('button', { name: 'Add them' }).click();
    await expect.poll(() => rows(reopened).count()).toBe(2 * exported.rules.length);
    await page.locator('.toast', { hasText: `${exported.rules.length} rules imported, turned off.` }).waitFor();
  });

  it('in French: a wrong value is refused on its field, Escape asks before losing edits, an invalid file says what is wrong; pictured at two sizes', async () => {
    inbox = await chromium.open('fr-CA', {
      beforeLoad: (harness) => receivePast(harness, [{ id: 'past-fr', name: 'Martin Lavoie', text: 'Toujours pas de remboursement, c’est inacceptable.' }]),
    });
    const { page } = inbox;
    await page.getByRole('navigation').getByRole('button', { name: 'Réglages' }).click();
    const settings = page.getByRole('dialog', { name: 'Réglages' });
    await settings.getByRole('tab', { name: 'Règles' }).click();
    await rows(settings).first().waitFor();
    await shoot(inbox, 'list-fr');

    await settings.getByRole('button', { name: 'Nouvelle règle' }).click();
    await settings.getByLabel('Nom').fill('Remboursements');
    await settings.getByRole('textbox', { name: 'Valeur' }).fill('rem*bours');
    await settings.getByLabel('Étiquette').fill('facturation');
    await settings.getByRole('button', { name: 'Enregistrer' }).click();
    await settings.getByText('Écrivez au moins un mot, séparés par des virgules; un * seulement à la fin d’un mot (rembours*).').waitFor();
    await expect.poll(() => settings.locator('.dry-run-status').textContent()).toBe('Terminez la règle pour voir ce qu’elle aurait trouvé.');

    await settings.getByRole('textbox', { name: 'Valeur' }).fill('rembours*');
    await expect.poll(() => settings.locator('.form-error').count()).toBe(0);
    await expect.poll(() => settings.locator('.dry-run-status').textContent(), { timeout: 10_000 }).toMatch(/^Aurait trouvé \d+ conversations? \(\d+ messages?\) dans les 30 derniers jours$/);
    await shoot(inbox, 'editor-fr');

    // A time trigger takes its working minutes and is replayed on the history, as the core's own dry run says.
    await settings.getByRole('combobox', { name: 'Quand' }).selectOption('noReply');
    await settings.getByRole('spinbutton', { name: 'Minutes ouvrables' }).fill('30');
    const waited = await inbox.harness.call('rules.dryRun', {
      definition: { name: 'Remboursements', trigger: { type: 'noReply', workingMinutes: 30 }, when: { all: [{ field: 'text', op: 'containsAny', values: ['rembours*'] }] }, actions: [{ type: 'addTag', tag: 'facturation' }] },
    });
    const times = waited.matchedMessages === 1 ? '1 fois' : `${waited.matchedMessages} fois`;
    const conversations = waited.matchedConversations === 1 ? 'conversation' : 'conversations';
    await expect
      .poll(() => settings.locator('.dry-run-status').textContent(), { timeout: 10_000 })
      .toBe(`Aurait agi sur ${waited.matchedConversations} ${conversations} (${times}) dans les 30 derniers jours`);
    // Martin wrote an hour ago and nobody answered (no hours set: every minute counts): his conversation is among them.
    expect(waited.matchedConversations).toBeGreaterThanOrEqual(1);
    await settings.locator('.dry-run-sample').getByRole('button', { name: 'Ouvrir la conversation avec Martin Lavoie' }).waitFor();
    // A shift trigger cannot be: the dry run says why.
    await settings.getByRole('combobox', { name: 'Quand' }).selectOption('shiftEnds');
    await expect
      .poll(() => settings.locator('.dry-run-status').textContent(), { timeout: 10_000 })
      .toBe('Un déclencheur de quart de travail ne peut pas être essayé sur le passé : les quarts passés ne sont pas conservés (congés, horaires modifiés depuis). Activez-le pour le voir fonctionner.');

    // Escape closes the editor, not Settings, and asks first: the edits are not saved.
    await settings.getByLabel('Nom').focus();
    await inbox.press('Escape');
    await settings.getByText('Cette règle a des changements non enregistrés.').waitFor();
    await settings.getByRole('button', { name: 'Continuer à modifier' }).click();
    expect(await settings.getByLabel('Nom').inputValue()).toBe('Remboursements');
    await inbox.press('Escape');
    await settings.getByRole('button', { name: 'Les abandonner' }).click();
    await settings.getByRole('button', { name: 'Nouvelle règle' }).waitFor();

    const invalid = join(tmpdir(), 'pieuvre-regles-invalides.json');
    writeFileSync(invalid, JSON.stringify({ format: 'pieuvre-rules', version: 1, rules: [{ name: 'Sans déclencheur', actions: [{ type: 'markSpam' }] }] }));
    await settings.locator('input[type="file"]').setInputFiles(invalid);
    await page.locator('.toast', { hasText: 'pieuvre-regles-invalides.json n’est pas un fichier de règles Pieuvre (dans la règle 1, le déclencheur manque ou n’est pas valide). Rien n’a été importé.' }).waitFor();
  });

  it('in English: a row opened with Enter and left with Escape, duplicated and deleted, the engine’s error and Turn on again, a starter in the editor with its dry run, saved with Enter; pictured at two sizes', async () => {
    inbox = await chromium.open('en-CA', {
      beforeLoad: (harness) => receivePast(harness, [{ id: 'past-en', name: 'Nadia Haddad', text: 'Still no refund for order 4417.' }]),
    });
    const settings = await inbox.openSettings('Rules');
    await rows(settings).first().waitFor();
    await shoot(inbox, 'list-en');
    // Enter on a focused row opens it; Escape, with nothing changed, goes back to the list and keeps Settings open.
    const first = (await rowNames(settings))[0] ?? '';
    await rows(settings).first().focus();
    await inbox.press('Enter');
    await settings.getByRole('heading', { name: `Edit “${first}”` }).waitFor();
    // The editor takes the keyboard at its first field, and gives it back to the row it came from.
    expect(await inbox.hasFocus(settings.getByLabel('Name'))).toBe(true);
    await inbox.press('Escape');
    await rows(settings).first().waitFor();
    await expect.poll(() => inbox?.hasFocus(rows(settings).first())).toBe(true);
    // Duplicate adds a copy, turned off, right after; Delete asks first.
    const count = await rows(settings).count();
    await rows(settings).first().getByRole('button', { name: 'Duplicate' }).click();
    await expect.poll(() => rows(settings).count()).toBe(count + 1);
    const copy = rows(settings).nth(1);
    const copyName = (await copy.locator('.rule-name strong').textContent()) ?? '';
    expect(copyName).not.toBe(first);
    // A built-in rule can be turned off but has no Delete; its copy is an ordinary rule.
    const builtIn = rows(settings).filter({ hasText: 'Built in' }).first();
    await builtIn.getByRole('button', { name: 'Edit' }).waitFor();
    expect(await builtIn.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await copy.getByRole('switch').isChecked()).toBe(false);
    await copy.getByRole('button', { name: 'Delete' }).click();
    await copy.getByText(`Delete “${copyName}” for good?`).waitFor();
    await copy.locator('.rule-confirm').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => rows(settings).count()).toBe(count);

    // A rule the engine turned off shows why, and Turn on again clears it.
    inbox.harness.core.context.db.prepare("UPDATE rules SET is_enabled = 0, error = 'Template not found', error_at = ? WHERE position = 0").run(Date.now() - 180_000);
    await settings.getByRole('tab', { name: 'General' }).click();
    await settings.getByRole('tab', { name: 'Rules' }).click();
    const broken = rows(settings).first();
    await broken.getByText(/Pieuvre turned this rule off 3 mins? ago: Template not found/).waitFor();
    await broken.getByRole('button', { name: 'Turn on again' }).click();
    await broken.locator('.rule-error').waitFor({ state: 'detached' });
    expect(await broken.getByRole('switch').isChecked()).toBe(true);

    // The starters take the keyboard at their title (Tab reaches the first one, not the dialog's tabs); Back gives it to the button again.
    const fromStarter = settings.getByRole('button', { name: 'Start from a template…' });
    await fromStarter.click();
    await expect.poll(() => inbox?.hasFocus(settings.getByRole('heading', { name: 'Start from a template' }))).toBe(true);
    await inbox.press('Tab');
    expect(await inbox.hasFocus(settings.locator('.starter').first())).toBe(true);
    await settings.getByRole('button', { name: 'Back to the rules' }).click();
    await expect.poll(() => inbox?.hasFocus(fromStarter)).toBe(true);
    await fromStarter.click();
    await settings.locator('.starter').first().click();
    await settings.locator('.dry-run-status').waitFor();
    await expect.poll(() => settings.locator('.dry-run-status').textContent(), { timeout: 10_000 }).not.toMatch(/Trying|Finish/);
    await shoot(inbox, 'editor-en');

    // Enter in the name saves the starter as a rule of its own.
    await settings.getByLabel('Name').fill('Spam, my way');
    await inbox.press('Enter');
    await rows(settings).filter({ hasText: 'Spam, my way' }).waitFor();
    await expect.poll(async () => (await inbox?.harness.call('rules.list', {}))?.map((rule) => rule.name).at(-1)).toBe('Spam, my way');
  });

  it('asks before another tab or Close drops a rule’s unsaved edits: Keep editing (focused, or Escape) keeps them, Discard drops them', async () => {
    inbox = await chromium.open('en-CA');
    const settings = await inbox.openSettings('Rules');
    await settings.getByRole('button', { name: 'New rule' }).click();
    await settings.getByLabel('Name').fill('Late replies');

    await settings.getByRole('tab', { name: 'General' }).click();
    const question = settings.getByRole('alertdialog', { name: 'Discard your changes to “Late replies”?' });
    await question.waitFor();
    expect(await inbox.hasFocus(question.getByRole('button', { name: 'Keep editing' }))).toBe(true);
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await settings.getByRole('tab', { name: 'Rules' }).getAttribute('aria-selected')).toBe('true');
    expect(await settings.getByLabel('Name').inputValue()).toBe('Late replies');

    // Escape answers Keep editing, and leaves Settings open.
    await settings.getByRole('button', { name: 'Close' }).last().click();
    await question.waitFor();
    await inbox.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await settings.getByLabel('Name').inputValue()).toBe('Late replies');

    await settings.getByRole('tab', { name: 'Data' }).click();
    await question.getByRole('button', { name: 'Discard' }).click();
    expect(await settings.getByRole('tab', { name: 'Data' }).getAttribute('aria-selected')).toBe('true');
    await settings.getByRole('tab', { name: 'Rules' }).click();
    await settings.getByRole('button', { name: 'New rule' }).waitFor();
    expect(await settings.getByLabel('Name').count()).toBe(0);
  });
});

/** The page at 1000×700 and 1920×1080, for a person to look at, with no text cut off. */
async function shoot(page: InboxPage, name: string): Promise<void> {
  for (const [width, height] of [[1000, 700], [1920, 1080]] as const) {
    await page.page.setViewportSize({ width, height });
    await page.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await screenshot(page.page, `rules/${name}-${width}x${height}`);
    expect(await clippedText(page.page), `${name} at ${width}×${height}`).toEqual([]);
  }
  await page.page.setViewportSize({ width: 1440, height: 900 });
}
