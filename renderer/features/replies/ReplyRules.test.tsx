import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ReplyCheck } from '../../../shared/api/replies';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { ReplyRules } from './ReplyRules';

async function render(language: 'en' | 'fr', check: ReplyCheck): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng: language, resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ReplyRules check={check} platform="instagram" />
    </I18nextProvider>,
  );
}

/** An Instagram private reply of 600 “é”: 600 characters, 1,200 of the Send API's bytes. */
const overInBytes: ReplyCheck = {
  length: 1_200,
  isLengthAtLeast: false,
  isLengthAtMost: false,
  maxLength: 1_000,
  lengthUnit: 'utf8-bytes',
  window: null,
  needsHumanAgent: false,
  privateReply: { closesAt: Date.parse('2026-12-12T15:00:00Z'), isUsed: false },
  problems: [{ code: 'too_long', length: 1_200, max: 1_000, isAtLeast: false }],
};

describe('the reply rules under the composer', () => {
  it('say a length counted in bytes is bytes, and what weighs more, in English and in French', async () => {
    expect(await render('en', overInBytes)).toContain('Too long for Instagram: 1,200 of 1,000 bytes (an accented letter counts 2, an emoji 4).');
    expect(await render('fr', overInBytes)).toContain('Trop long pour Instagram\u00a0: 1\u00a0200 octets sur 1\u00a0000 (une lettre accentuée compte pour 2, un émoji pour 4).');
  });
});
