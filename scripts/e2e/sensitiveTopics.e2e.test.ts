import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closedSinceAnHour, facebookId } from './awayReplySetup';
import { useInboxInChromium } from './inChromium';
import type { Harness } from '../harness/startHarness';
import { screenshot } from './screenshots';

const chromium = useInboxInChromium();
const DAY = 86_400_000;
const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const composer = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

/** Away replies on for the demo Facebook account, closed now, while "Verglas" is a sensitive topic. */
async function heldAwayReply(harness: Harness) {
  await closedSinceAnHour(harness);
  const absent = (await harness.call('templates.list', {})).find((template) => template.shortcut === 'absent');
  await harness.call('awayReplies.setSettings', { accountId: facebookId(harness), settings: { isEnabled: true, templateId: absent?.id ?? '', includesComments: false } });
  await harness.call('sensitiveTopics.save', { topic: { name: 'Verglas', words: ['verglas'], startsOn: day(Date.now() - DAY), endsOn: null } });
}

describe('sensitive topics in Chromium', () => {
  it('added in Settings (errors on their field), then a reply touching one asks first: Back keeps it, Send anyway sends it', async () => {
    const inbox = await chromium.open('en-CA');
    const { page } = inbox;
    const dialog = await inbox.openSettings('Sensitive topics');
    await dialog.getByRole('button', { name: 'Add a topic' }).click();
    // The form takes the keyboard on its first field.
    expect(await inbox.hasFocus(dialog.getByLabel('Topic', { exact: true }))).toBe(true);
    await page.keyboard.type('Flooding');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const words = dialog.getByLabel('Words', { exact: true });
    expect(await words.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('Write at least one word.').waitFor();
    // The refused save takes the keyboard to the field to fix.
    await expect.poll(() => inbox.hasFocus(words)).toBe(true);
    await words.fill('flood*, evacuees');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const line = dialog.getByRole('listitem', { name: 'Flooding' });
    await line.getByText('Active now').waitFor();
    expect(await line.textContent()).toContain('flood*, evacuees');
    await page.setViewportSize({ width: 1000, height: 700 });
    await screenshot(page, 'sensitive-topics/settings-en-1000');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await inbox.options.first().click();
    const box = composer(page, 'Reply');
    await box.click();
    await page.keyboard.type('So sorry about the flooding on your street.');
    await box.press('Control+Enter');
    const question = page.getByRole('alertdialog', { name: 'A sensitive topic is active' });
    await question.getByText('This reply mentions “flood*”, and the sensitive topic “Flooding” is active.').waitFor();
    await screenshot(page, 'sensitive-topics/warning-en-1000');
    const back = question.getByRole('button', { name: 'Back' });
    expect(await inbox.hasFocus(back)).toBe(true);
    // Enter on the focused Back: nothing goes, the reply stays in the box.
    await inbox.press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe('So sorry about the flooding on your street.');
    const queued = async () => (await inbox.harness.call('outbox.list', { scope: 'all' })).filter((item) => item.text.includes('flooding'));
    expect(await queued()).toEqual([]);

    await box.press('Control+Enter');
    await question.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(async () => (await queued()).length).toBe(1);
  });

  for (const [locale, labels] of [
    ['en-CA', { outbox: /^Outbox/, held: 'Waiting for your OK', why: 'Waiting for your OK: sensitive topic “Verglas” is active', send: 'Send anyway', tab: 'Sensitive topics' }],
    ['fr-CA', { outbox: /^Boîte d’envoi/, held: 'En attente de votre accord', why: 'En attente de votre accord : le sujet sensible « Verglas » est actif', send: 'Envoyer quand même', tab: 'Sujets sensibles' }],
  ] as const) {
    it(`holds an automatic reply while a topic is active, until Send anyway (${locale})`, async () => {
      const inbox = await chromium.open(locale, { beforeLoad: heldAwayReply });
      const { page } = inbox;
      await page.setViewportSize({ width: 1000, height: 700 });
      inbox.harness.core.context.ingest({
        accountId: facebookId(inbox.harness),
        source: 'e2e',
        items: [{ platform: 'facebook', kind: 'dm', externalId: 'held-1', threadExternalId: 'held-thread', author: { externalId: 'marie-eve', handle: '@marieeve', name: 'Marie-Ève Tremblay' }, text: 'Êtes-vous ouverts ce soir?', createdAt: Date.now() - 1_000, language: 'fr' }],
      });
      await page.getByRole('button', { name: labels.outbox }).click();
      const held = page.getByRole('region', { name: labels.held });
      const row = held.locator('.outbox-row', { hasText: 'Marie-Ève' });
      await row.getByText(labels.why).waitFor();
      await screenshot(page, `sensitive-topics/outbox-held-${locale}-1000`);
      const pending = async () => (await inbox.harness.call('outbox.list', { scope: 'all' })).filter((item) => item.kind === 'away_reply');
      expect((await pending()).map((item) => [item.state, item.heldFor])).toEqual([['queued', ['Verglas']]]);
      await row.getByRole('button', { name: labels.send }).click();
      await expect.poll(async () => (await pending()).map((item) => item.state)).toEqual(['sent']);
      if (locale === 'fr-CA') {
        // A reply of the person's own that mentions it asks first, in French too.
        await page.getByRole('button', { name: 'À Marie-Ève Tremblay' }).first().click();
        await composer(page, 'Répondre').click();
        await page.keyboard.type('Attention au verglas en venant ce soir!');
        await inbox.press('Control+Enter');
        const question = page.getByRole('alertdialog', { name: 'Un sujet sensible est actif' });
        await question.getByText('Cette réponse mentionne « verglas », et le sujet sensible « Verglas » est actif.').waitFor();
        await screenshot(page, 'sensitive-topics/warning-fr-1000');
        await inbox.press('Escape');
        await question.waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'Réglages', exact: true }).click();
        await page.getByRole('dialog', { name: 'Réglages' }).getByRole('tab', { name: labels.tab }).click();
        await page.getByRole('listitem', { name: 'Verglas' }).waitFor();
        await screenshot(page, 'sensitive-topics/settings-fr-1000');
      }
    });
  }
});
