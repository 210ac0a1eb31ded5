import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ModerationAction } from '../../../shared/domain/moderation';
import type { Platform } from '../../../shared/domain/platform';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { ModerationConsequences } from './ModerationConsequences';

async function render(language: 'en' | 'fr', action: ModerationAction, platforms: Platform[]): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng: language, resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ModerationConsequences action={action} platforms={platforms} />
    </I18nextProvider>,
  );
}

describe('what a moderation does, in the confirmation', () => {
  it('a bulk block across platforms says per platform who can be unblocked here and who cannot, in English and in French', async () => {
    const platforms: Platform[] = ['mastodon', 'youtube', 'bluesky', 'reddit', 'mastodon'];
    expect(await render('en', 'block_author', platforms)).toBe(
      '<ul class="moderation-consequences">' +
        `<li>On Mastodon and Bluesky: ${en.moderation.confirm.body.block_author}</li>` +
        `<li>On YouTube: ${en.moderation.confirm.body.block_author_youtube}</li>` +
        `<li>On Reddit: ${en.moderation.confirm.body.block_author_reddit}</li>` +
        '</ul>',
    );
    const french = await render('fr', 'block_author', platforms);
    expect(french).toContain(`<li>Sur Mastodon et Bluesky\u00a0: ${fr.moderation.confirm.body.block_author}</li>`);
    expect(french).toContain(`<li>Sur YouTube\u00a0: ${fr.moderation.confirm.body.block_author_youtube}</li>`);
    expect(french).toContain(`<li>Sur Reddit\u00a0: ${fr.moderation.confirm.body.block_author_reddit}</li>`);
  });

  it('one text for every platform selected is said once, without naming them', async () => {
    expect(await render('en', 'block_author', ['youtube', 'youtube'])).toBe(`<p>${en.moderation.confirm.body.block_author_youtube}</p>`);
    expect(await render('fr', 'block_author', ['bluesky', 'mastodon'])).toBe(`<p>${fr.moderation.confirm.body.block_author}</p>`);
    expect(await render('en', 'delete', ['facebook', 'youtube', 'reddit'])).toBe(`<p>${en.moderation.confirm.body.delete}</p>`);
  });
});
