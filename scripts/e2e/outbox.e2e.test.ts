import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import type { InboxPage } from './inboxPage';
import { hiddenBy } from './inSight';

const chromium = useInboxInChromium();
let inbox: InboxPage | undefined;

/**
 * A reply left as a crash leaves it on a platform that cannot tell whether it went through
 * (the outbox's own tests and `npm run test:crash` take that path for real): held for checking.
 */
async function holdForChecking(page: InboxPage, text: string, idempotencyKey: string): Promise<string> {
  const [conversation] = (await page.harness.call('conversations.list', { platform: 'facebook', kind: 'comment', limit: 1 })).items;
  const queued = await page.harness.call('outbox.send', {
    conversationId: conversation?.id ?? '', text, idempotencyKey, when: { kind: 'at', at: Date.now() + 3_600_000 },
  });
  page.harness.core.context.db
    .prepare("UPDATE outbox SET state = 'needs_check', may_have_reached = 1, last_error = 'An earlier attempt may have reached the platform' WHERE id = ?")
    .run(queued.id);
  page.harness.core.context.events.emit('outbox.changed', { conversationIds: [queued.conversationId] });
  return queued.id;
}

describe('the Outbox view in Chromium', () => {
  it('counts the replies held for checking, says why, and sends one only when the person says it is not there', async () => {
    inbox = await chromium.open('en-CA');
    const text = 'Merci! Votre commande part demain matin.';
    const id = await holdForChecking(inbox, text, 'e2e-held-0001');
    await inbox.page.getByRole('button', { name: /^Outbox/ }).click();
    const held = inbox.page.getByRole('region', { name: '1 reply to check on its platform' });
    await held.waitFor();
    expect(await held.textContent()).toContain('Pieuvre will not send them again on its own');
    const row = held.locator('.outbox-row', { hasText: text });
    expect(await row.textContent()).toContain('Look on Facebook: an attempt may have gone through');
    expect(await inbox.harness.call('outbox.list', { scope: 'all' })).toContainEqual(expect.objectContaining({ id, state: 'needs_check' }));
    await row.getByRole('button', { name: 'It is not there: send again' }).click();
    await held.waitFor({ state: 'detached' });
    await expect.poll(async () => (await inbox?.harness.call('outbox.list', { scope: 'all' }))?.find((item) => item.id === id)?.state).toBe('sent');
  });

  it('says it in French too', async () => {
    inbox = await chromium.open('fr-CA');
    await holdForChecking(inbox, 'Bonjour! On vous revient là-dessus.', 'e2e-held-0001');
    await holdForChecking(inbox, 'Bonjour! Le remboursement est fait.', 'e2e-held-0002');
    await inbox.page.getByRole('button', { name: /^Boîte d’envoi/ }).click();
    const held = inbox.page.getByRole('region', { name: '2 réponses à vérifier sur leur plateforme' });
    await held.waitFor();
    expect(await held.textContent()).toContain('Pieuvre ne les renverra pas d’elle-même');
    expect(await held.locator('.outbox-row').count()).toBe(2);
  });

  it('says a reply waits for its account to be reconnected once the platform refused its token, and sends it when it is back', async () => {
    inbox = await chromium.open('en-CA', { beforeLoad: (harness) => harness.call('outbox.setUndoDelay', { undoSendMs: 0 }) });
    const { db, connectors } = inbox.harness.core.context;
    const account = db.prepare<[], { id: string; handle: string }>("SELECT id, handle FROM accounts WHERE platform = 'facebook'").get();
    const accountId = account?.id ?? '';
    const connector = connectors.find(accountId);
    // What a refused token leads to: the connector goes, and the accounts service marks the account.
    connectors.reportRefused(accountId, 'The access token was revoked');
    db.prepare('UPDATE accounts SET needs_reconnecting = 1 WHERE id = ?').run(accountId);
    const [conversation] = (await inbox.harness.call('conversations.list', { platform: 'facebook', kind: 'comment', limit: 1 })).items;
    const text = 'Merci! On regarde ça tout de suite.';
    const queued = await inbox.harness.call('outbox.send', { conversationId: conversation?.id ?? '', text, idempotencyKey: 'e2e-reconnect-0001', when: { kind: 'now' } });
    await inbox.page.getByRole('button', { name: /^Outbox/ }).click();
    const row = inbox.page.locator('.outbox-row', { hasText: text });
    await row.getByText(`Waiting for ${account?.handle ?? ''} to be reconnected`).waitFor();
    await inbox.page.screenshot({ path: 'test-results/outbox-waits-for-reconnect.png' });

    db.prepare('UPDATE accounts SET needs_reconnecting = 0 WHERE id = ?').run(accountId);
    // Reconnected: registering the account's connector again lets what waited go.
    if (connector) connectors.register(accountId, connector);
    await row.getByText(/^Sent /).waitFor();
    expect((await inbox.harness.call('outbox.list', { scope: 'all' })).find((item) => item.id === queued.id)).toMatchObject({ state: 'sent', accountToReconnect: null });
  });
});

/**
 * A reply typed and sent by keys (r, typing, Ctrl+Enter) to a Facebook comment, at 1000×700: the
 * post above the thread and the public/private choice make its composer tall.
 */
async function replyByKeys(language: 'fr-CA' | 'en-CA', text: string): Promise<InboxPage> {
  const opened = await chromium.open(language);
  await opened.page.setViewportSize({ width: 1000, height: 700 });
  const [comment] = (await opened.harness.call('conversations.list', { platform: 'facebook', kind: 'comment', limit: 1 })).items;
  await opened.page.locator(`#conversation-${comment?.id ?? ''}`).click();
  await opened.focusList();
  await opened.press('r');
  await opened.page.keyboard.type(text);
  await opened.press('Control+Enter');
  return opened;
}

describe('a reply just sent, at 1000×700', () => {
  it('waits at the end of the thread in sight, not under the reply box (keys only: r, typing, Ctrl+Enter)', async () => {
    inbox = await replyByKeys('fr-CA', 'Merci de nous l’avoir signalé, on regarde ça tout de suite.');
    const { page } = inbox;
    const waiting = page.getByRole('region', { name: 'Réponses pas encore envoyées' }).getByText('on regarde ça tout de suite', { exact: false });
    await waiting.waitFor();
    await expect.poll(() => hiddenBy(waiting)).toBeNull();
  });

  it('pulls a reply back into the reply box by the waiting reply’s Undo, as by the toast’s, and the toast goes with it; Ctrl+K opens the Outbox', async () => {
    inbox = await replyByKeys('en-CA', 'Thanks, we are on it.');
    const { page } = inbox;
    const waitingReplies = page.getByRole('region', { name: 'Replies not sent yet' });
    await waitingReplies.getByText('Thanks, we are on it.').waitFor();
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).waitFor();
    await waitingReplies.getByRole('button', { name: 'Undo' }).click();
    // The text is back in the box to edit, nothing is left waiting, and no toast offers an undo that is done.
    await expect.poll(() => page.getByRole('textbox', { name: 'Reply', exact: true }).inputValue()).toBe('Thanks, we are on it.');
    await expect.poll(() => waitingReplies.getByText('Thanks, we are on it.').count()).toBe(0);
    await expect.poll(() => page.locator('.toast').getByRole('button', { name: 'Undo' }).count()).toBe(0);
    // The Outbox from the command palette, by a word people use for it.
    await inbox.focusList();
    await inbox.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await page.keyboard.type('queue');
    await inbox.press('Enter');
    await page.locator('.outbox-setting').waitFor();
  });
});
