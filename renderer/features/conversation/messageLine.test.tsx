import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../shared/domain/incomingItem';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { formatDateTime } from '../../lib/formatTime';
import { DeletedOnPlatform } from './DeletedOnPlatform';
import { EditedMark } from './EditedMark';
import { MessageAttachments } from './MessageAttachments';

/** Renders with the app's own dictionaries, in the language asked. */
async function render(language: 'en' | 'fr', element: React.ReactElement): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng: language, resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}

const attachments: Attachment[] = [
  { kind: 'image', url: 'https://cdn.example/latte.jpg', alt: 'A latte on the counter' },
  { kind: 'video', url: 'https://cdn.example/pour.mp4', alt: null },
  { kind: 'link', url: 'https://brulerie.example/menu', alt: 'Our menu' },
  { kind: 'link', url: 'https://brulerie.example/hours', alt: null },
  { kind: 'image', url: 'https://bank.example@evil.example/x.png', alt: 'Looks safe' },
];

describe('the message line: what the platform said about a message', () => {
  it('lists attachments as links labelled by their alt text, opened like links in the text, never loading an image', async () => {
    const html = await render('en', <MessageAttachments attachments={attachments} />);
    const links = [...html.matchAll(/<a href="([^"]+)" title="[^"]+" target="_blank" rel="noopener noreferrer">([^<]+)<\/a>/g)].map((match) => [match[1], match[2]]);
    expect(links).toEqual([
      ['https://cdn.example/latte.jpg', 'Image: A latte on the counter'],
      ['https://cdn.example/pour.mp4', 'Video (no description)'],
      ['https://brulerie.example/menu', 'Our menu'],
      ['https://brulerie.example/hours', 'https://brulerie.example/hours'],
    ]);
    // An address with a user name in it reads as one site and opens another: it stays text, as in message text.
    expect(html).toContain('<span title="https://bank.example@evil.example/x.png">Image: Looks safe</span>');
    expect(html).not.toMatch(/<(img|video|source|iframe)\b/);
    expect(html).toContain('aria-label="Attachments"');
  });

  it('says it in Québec French too', async () => {
    const html = await render('fr', <MessageAttachments attachments={attachments.slice(0, 2)} />);
    expect(html).toContain('>Image\u00a0: A latte on the counter</a>');
    expect(html).toContain('>Vidéo (sans description)</a>');
    expect(html).toContain('aria-label="Pièces jointes"');
  });

  it('shows nothing for a message without attachments', async () => {
    expect(await render('en', <MessageAttachments attachments={[]} />)).toBe('');
  });

  it('marks an edited message, with the time of the edit on hover, in both languages', async () => {
    const editedAt = Date.UTC(2026, 10, 2, 15, 5);
    expect(await render('en', <EditedMark editedAt={editedAt} locale="en-CA" />)).toBe(`<span class="chip edited" title="Edited on ${formatDateTime(editedAt, 'en-CA')}">edited</span>`);
    expect(await render('fr', <EditedMark editedAt={editedAt} locale="fr-CA" />)).toBe(`<span class="chip edited" title="Modifié le ${formatDateTime(editedAt, 'fr-CA')}">modifié</span>`);
  });

  it('says a message was deleted on its platform, naming the platform, with the time on hover', async () => {
    const deletedAt = Date.UTC(2026, 10, 2, 16, 0);
    expect(await render('en', <DeletedOnPlatform deletedAt={deletedAt} platform="mastodon" locale="en-CA" />)).toBe(
      `<p class="message-deleted-note" title="Deleted on Mastodon (${formatDateTime(deletedAt, 'en-CA')}). Pieuvre keeps what it said.">Deleted on Mastodon</p>`,
    );
    expect(await render('fr', <DeletedOnPlatform deletedAt={deletedAt} platform="bluesky" locale="fr-CA" />)).toBe(
      `<p class="message-deleted-note" title="Supprimé sur Bluesky (${formatDateTime(deletedAt, 'fr-CA')}). Pieuvre en garde le texte.">Supprimé sur Bluesky</p>`,
    );
  });
});
