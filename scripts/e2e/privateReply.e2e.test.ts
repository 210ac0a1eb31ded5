import { describe, expect, it } from 'vitest';
import { useInboxInChromium } from './inChromium';
import { screenshot } from './realAccountsPage';

/**
 * Facebook's and Instagram's private replies in the composer (Meta's Private Replies), in the demo
 * workspace: a comment offers "Reply publicly" or "Reply privately in Messenger" (Instagram
 * Direct); the private one says what it is and until when, goes through the outbox as such, shows
 * in the thread as a private reply (queued, then sent: not as a public reply under the comment),
 * and a second one is refused in words.
 */
const chromium = useInboxInChromium();
/** Long enough to see the reply waiting under the thread, short enough to see it sent. */
const UNDO_MS = 6_000;

const CHANNEL = { facebook: 'Messenger', instagram: 'Instagram Direct' } as const;
const WORDS = {
  'en-CA': (channel: string) => ({ privately: `Reply privately in ${channel}`, publicly: 'Reply publicly', note: `One message to this person in ${channel}`, used: `already has its one private reply in ${channel}`, mark: `Private reply (${channel})` }),
  'fr-CA': (channel: string) => ({ privately: `Répondre en privé dans ${channel}`, publicly: 'Répondre publiquement', note: `Un message à cette personne dans ${channel}`, used: `a déjà reçu sa seule réponse privée dans ${channel}`, mark: `Réponse privée (${channel})` }),
} as const;

describe('a private reply to a comment in Chromium', () => {
  it.each([
    ['facebook', 'fr-CA'],
    ['facebook', 'en-CA'],
    ['instagram', 'fr-CA'],
    ['instagram', 'en-CA'],
  ] as const)('on %s is chosen in the composer, said for what it is, sent once through the outbox, marked private in the thread, and refused a second time in %s', async (platform, locale) => {
    const words = WORDS[locale](CHANNEL[platform]);
    const inbox = await chromium.open(locale, { beforeLoad: (harness) => harness.call('outbox.setUndoDelay', { undoSendMs: UNDO_MS }) });
    const { page, harness } = inbox;
    const [comment] = (await harness.call('conversations.list', { platform, kind: 'comment', limit: 1 })).items;
    const conversationId = comment?.id ?? '';
    // The customer writes again now: the newest conversation, well within the 7 days.
    inbox.writeAgain(conversationId, 'e2e-private-comment-1', 'Ma commande #4412 n’est jamais arrivée');
    await page.locator(`#conversation-${conversationId}`).click();
    await expect.poll(() => inbox.selectedId()).toBe(conversationId);

    const publicly = page.getByRole('button', { name: words.publicly, exact: true });
    const privately = page.getByRole('button', { name: words.privately, exact: true });
    expect(await publicly.getAttribute('aria-pressed')).toBe('true');
    await privately.focus();
    await inbox.press('Space');
    await expect.poll(() => privately.getAttribute('aria-pressed')).toBe('true');
    await page.getByText(words.note, { exact: false }).waitFor();
    const box = page.locator('#composer-text');
    await box.fill('Bonjour! Écrivez-nous votre adresse ici, on s’en occupe.');
    await screenshot(page, `private-reply-${platform}-${locale}`);
    await box.press('Control+Enter');
    // Waiting to go (the undo delay), then sent: said to be private both times, never as a reply under the comment.
    const waiting = page.locator('.pending-replies .outbox-item', { hasText: 'Bonjour! Écrivez-nous' });
    await expect.poll(() => waiting.locator('.chip.private-reply').textContent(), { timeout: UNDO_MS - 1_000 }).toBe(words.mark);
    await expect.poll(async () => (await harness.call('outbox.list', { scope: 'all' })).filter((item) => item.conversationId === conversationId).map((item) => [item.state, item.isPrivateReply]), { timeout: UNDO_MS + 10_000 }).toEqual([['sent', true]]);
    const sent = page.locator('ol.messages li.message.is-out', { hasText: 'Bonjour! Écrivez-nous' });
    await expect.poll(() => sent.locator('.chip.private-reply').textContent(), { timeout: 10_000 }).toBe(words.mark);
    await screenshot(page, `private-reply-sent-${platform}-${locale}`);
    // Chosen anew after a send: public again (once the composer has taken in the send).
    await expect.poll(() => publicly.getAttribute('aria-pressed')).toBe('true');

    await privately.click();
    await box.fill('Encore nous!');
    await page.getByText(words.used, { exact: false }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: locale === 'fr-CA' ? 'Envoyer' : 'Send', exact: true }).isDisabled()).toBe(true);
  });
});
