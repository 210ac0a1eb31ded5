import { describe, expect, it } from 'vitest';
import type { Harness } from '../harness/startHarness';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;

/** A direct message arriving now on the demo Facebook account, in a known language: the newest in the inbox. */
function receiveDm(harness: Harness, author: { externalId: string; handle: string; name: string }, text: string, language: string): void {
  const facebook = harness.core.context.db.prepare<[], { id: string }>("SELECT id FROM accounts WHERE platform = 'facebook'").get();
  harness.core.context.ingest({
    accountId: facebook?.id ?? '',
    source: 'e2e',
    items: [{ platform: 'facebook', kind: 'dm', externalId: author.externalId, threadExternalId: `${author.externalId}-thread`, author, text, createdAt: Date.now() + 60_000, language }],
  });
}

const composer = () => inbox?.page.locator('#composer-text');
const activeOption = () => inbox?.page.locator('.template-picker [role="option"][aria-selected="true"]');

describe('reply templates in Chromium', () => {
  it('inserts two templates with /, sends, undoes within the delay, and sends again', async () => {
    const marie = { externalId: 'marie-eve', handle: '@marieeve', name: 'Marie-Ève Tremblay' };
    inbox = await chromium.open('en-CA', {
      beforeLoad: async (harness) => {
        await harness.call('outbox.setUndoDelay', { undoSendMs: 4_000 });
        receiveDm(harness, marie, 'Hi! When will my order of Mont-Royal beans arrive?', 'en');
      },
    });
    const { page } = inbox;
    await page.getByRole('option', { name: /Marie-Ève Tremblay/ }).click();
    await page.locator('.messages').getByText('When will my order').waitFor();

    await composer()?.click();
    await page.keyboard.type('/mer');
    await activeOption()?.getByText('/merci').waitFor();
    await page.keyboard.press('Enter');
    const thanks = 'Thanks so much, Marie-Ève! That really made our day. Hope to pour you a great cup soon. ☕';
    await expect.poll(() => composer()?.inputValue()).toBe(thanks);

    await page.keyboard.press('Enter');
    await page.keyboard.type('/livr');
    await activeOption()?.getByText('/livraison').waitFor();
    await page.keyboard.press('Enter');
    const reply = `${thanks}\nHi Marie-Ève! Orders leave the roastery within 1–2 business days, then take 2–5 days to reach Quebec and Ontario. You’ll get a tracking number by email as soon as yours ships.`;
    await expect.poll(() => composer()?.inputValue()).toBe(reply);
    expect(await page.locator('.template-picker').count()).toBe(0);

    await page.keyboard.press('Control+Enter');
    const pending = page.locator('.pending-replies .outbox-item', { hasText: 'Thanks so much, Marie-Ève!' });
    await pending.getByText(/Sending in \d seconds?/).waitFor();
    expect(await composer()?.inputValue()).toBe('');
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => composer()?.inputValue()).toBe(reply);
    await pending.waitFor({ state: 'detached' });

    await composer()?.focus();
    await page.keyboard.press('Control+Enter');
    await page.locator('.message[data-direction="out"]', { hasText: 'Orders leave the roastery' }).waitFor();
    const conversationId = inbox.harness.core.context.db.prepare<[], { id: string }>("SELECT id FROM conversations WHERE thread_external_id = 'marie-eve-thread'").get()?.id ?? '';
    const sends = await inbox.harness.call('outbox.list', { scope: 'all', conversationId });
    expect(sends.map((item) => [item.state, item.text])).toEqual([['sent', reply], ['cancelled', reply]]);
    const uses = (await inbox.harness.call('templates.list', {})).filter((template) => template.usageCount > 0).map((template) => template.shortcut);
    expect(uses.sort()).toEqual(['livraison', 'merci']);
  });

  it('writes a new template in the editor, flags an unknown variable, previews it live and uses it', async () => {
    const anonymous = { externalId: 'anonyme', handle: '@anonyme42', name: '' };
    inbox = await chromium.open('fr-CA', { beforeLoad: (harness) => receiveDm(harness, anonymous, 'Allô, vous livrez à Chicoutimi?', 'fr') });
    const { page } = inbox;
    await page.getByRole('option', { name: /@anonyme42/ }).click();
    await page.getByRole('button', { name: 'Modèles de réponse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modèles de réponse' });
    await dialog.getByRole('button', { name: 'Nouveau modèle' }).click();
    await dialog.getByLabel('Nom').fill('Livraison en région');
    await dialog.getByLabel('Raccourci').fill('/region');
    await dialog.getByLabel('Texte').fill('Allô {{ contact.prenom }}! Oui, on livre partout au Québec.');
    await dialog.getByText('Ligne 1, colonne 9\u00a0: «\u00a0contact.prenom\u00a0» n’est pas une variable que Pieuvre connaît.', { exact: false }).waitFor();

    await dialog.getByLabel('Texte').fill('Allô {{ contact.first_name | default: "à vous" }}! Oui, on livre partout au Québec.');
    await expect.poll(() => dialog.getByTestId('template-preview').textContent()).toBe('Allô à vous! Oui, on livre partout au Québec.');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('«\u00a0Livraison en région\u00a0» est enregistré.').waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    await composer()?.click();
    await page.keyboard.type('Bonjour! /regi');
    await activeOption()?.getByText('/region').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => composer()?.inputValue()).toBe('Bonjour! Allô à vous! Oui, on livre partout au Québec.');
  });

  it('warns where a stranger’s name would not be repeated by an automatic reply, and still lets a person send it', async () => {
    const bob = { externalId: 'bob', handle: '@bob', name: 'Bob free-coffee.example' };
    inbox = await chromium.open('en-CA', { beforeLoad: (harness) => receiveDm(harness, bob, 'Do you ship to Gatineau?', 'en') });
    const { page } = inbox;
    await page.getByRole('option', { name: /Bob free-coffee/ }).click();
    await composer()?.click();
    await page.keyboard.type('/mer');
    await activeOption()?.getByText('⚠ contact.first_name: automatic replies would not repeat it').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => composer()?.inputValue()).toBe('Thanks so much, Bob! That really made our day. Hope to pour you a great cup soon. ☕');

    await page.getByRole('button', { name: 'Reply templates' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reply templates' });
    await dialog.getByRole('button', { name: 'New template' }).click();
    await dialog.getByLabel('Text').fill('Hello {{ contact.name }}!');
    await expect.poll(() => dialog.getByTestId('template-preview').textContent()).toBe('Hello Bob free-coffee.example!');
    await expect
      .poll(() => dialog.getByTestId('template-preview-withheld').textContent())
      .toBe('⚠ contact.name: an automatic reply would not repeat it here (it holds a link) and would use the default instead. You can still send it yourself.');
  });

  it('asks before another template replaces unsaved edits, and Keep editing goes back to the text', async () => {
    inbox = await chromium.open('fr-CA');
    const { page } = inbox;
    await page.getByRole('button', { name: 'Modèles de réponse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modèles de réponse' });
    const text = dialog.getByLabel('Texte');
    const edited = `${await text.inputValue()} (modifié)`;
    await text.fill(edited);
    await dialog.getByRole('button', { name: /^Merci!/ }).click();
    const ask = dialog.getByRole('alert').filter({ hasText: 'Ce modèle a des modifications non enregistrées.' });
    await ask.getByRole('button', { name: 'Continuer à modifier' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await text.inputValue()).toBe(edited);
    expect(await inbox.hasFocus(text)).toBe(true);

    await dialog.getByRole('button', { name: /^Merci!/ }).click();
    await ask.getByRole('button', { name: 'Les abandonner' }).click();
    await expect.poll(() => dialog.getByLabel('Nom').inputValue()).toBe('Merci!');
    expect(await dialog.isVisible()).toBe(true);
  });
});
