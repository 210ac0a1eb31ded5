import { describe, expect, it } from 'vitest';
import { closedSinceAnHour, facebookId } from './awayReplySetup';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;

describe('away replies in Chromium', () => {
  it('turned on for an account in the Team dialog, answer a DM that arrives while it is closed, in its language, labelled as an away reply, with a line in the history', async () => {
    inbox = await chromium.open('en-CA', { beforeLoad: closedSinceAnHour });
    const { page } = inbox;
    await inbox.focusList();
    await inbox.press('Control+k');
    await page.keyboard.type('Team, on call');
    await inbox.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Team' });
    await dialog.getByRole('tab', { name: 'Business hours' }).click();
    await inbox.press('ArrowRight');
    expect(await dialog.getByRole('tab', { name: 'Away replies' }).getAttribute('aria-selected')).toBe('true');

    await dialog.getByRole('button', { name: /^Edit the away replies of .+ on Facebook$/ }).click();
    await dialog.getByLabel('Use the settings for all accounts').uncheck();
    await dialog.getByRole('switch', { name: 'Answer messages that arrive outside business hours' }).check();
    await dialog.getByLabel('Template').selectOption({ label: 'Message d’absence (/absent)' });
    await expect.poll(() => dialog.getByTestId('away-preview').textContent()).toBe('Preview: Hi Sam, thanks for your message! Our team is away right now. We’ll get back to you as soon as we’re back. ☕');
    // What someone gets whose name Pieuvre will not repeat.
    await expect.poll(() => dialog.getByTestId('away-preview-stranger').textContent()).toBe(
      'From “@everyone”, a name automatic replies never repeat: Hi there, thanks for your message! Our team is away right now. We’ll get back to you as soon as we’re back. ☕',
    );
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = dialog.getByRole('listitem').filter({ has: page.getByRole('img', { name: 'Facebook' }) });
    await row.getByText('On · “Message d’absence” · direct messages').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    inbox.harness.core.context.ingest({
      accountId: facebookId(inbox.harness),
      source: 'e2e',
      items: [{ platform: 'facebook', kind: 'dm', externalId: 'away-1', threadExternalId: 'away-thread', author: { externalId: 'marie-eve', handle: '@marieeve', name: 'Marie-Ève Tremblay' }, text: 'Hi! Are you open tonight?', createdAt: Date.now() - 1_000, language: 'en' }],
    });
    await page.getByRole('option', { name: /Marie-Ève Tremblay/ }).click();
    const away = page.locator('.message[data-direction="out"]', { hasText: 'Hi Marie-Ève, thanks for your message! Our team is away right now.' });
    // Labelled as what sent it: nobody typed it, so not "You".
    await away.locator('.message-author', { hasText: 'Automatic away reply' }).waitFor();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Away reply “Message d’absence” on its way: the message arrived outside business hours').waitFor();
    await history.getByText('Away reply sent').waitFor();
    const conversationId = inbox.harness.core.context.db.prepare<[], { id: string }>("SELECT id FROM conversations WHERE thread_external_id = 'away-thread'").get()?.id ?? '';
    const sends = await inbox.harness.call('outbox.list', { scope: 'all', conversationId });
    expect(sends.map((item) => [item.kind, item.state])).toEqual([['away_reply', 'sent']]);

    // A stranger whose name is an advertisement gets the template's default, not their name back.
    inbox.harness.core.context.ingest({
      accountId: facebookId(inbox.harness),
      source: 'e2e',
      items: [{ platform: 'facebook', kind: 'dm', externalId: 'away-2', threadExternalId: 'away-spam-name', author: { externalId: 'bob', handle: '@free.coffee', name: 'https://free-coffee.example/win Bob' }, text: 'Hello?', createdAt: Date.now() - 1_000, language: 'en' }],
    });
    // The person has been working in the list: the newcomer waits in the "new — show" bar above it.
    await page.getByRole('button', { name: /new — show$/ }).click();
    await page.getByRole('option', { name: /free-coffee/ }).click();
    await page.locator('.message[data-direction="out"]', { hasText: 'Hi there, thanks for your message! Our team is away right now.' }).waitFor();
    await history.getByText('contact.first_name not repeated, the sender’s name is not safe to echo', { exact: false }).waitFor();
  });
});
