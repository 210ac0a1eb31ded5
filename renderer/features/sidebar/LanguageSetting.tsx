import { useTranslation } from 'react-i18next';
import { savedLanguageOverride, setLanguageOverride, type Language } from '../../i18n/i18n';

/**
 * Follow the system's language, or pick one; remembered on this computer. `showsLabel`: where no
 * heading says what it is (the inbox's toolbar), its name shows beside it: alone, "Follow the
 * system" read as a riddle.
 */
export function LanguageSetting({ showsLabel = false }: { showsLabel?: boolean }) {
  const { t } = useTranslation();
  const override = savedLanguageOverride() ?? '';
  return (
    <label className="language-setting">
      <span className={showsLabel ? 'language-setting-label' : 'visually-hidden'}>{t('settings.language')}</span>
      <select value={override} onChange={(event) => setLanguageOverride((event.target.value || null) as Language | null)}>
        <option value="">{t('settings.system')}</option>
        <option value="fr">{t('settings.french')}</option>
        <option value="en">{t('settings.english')}</option>
      </select>
    </label>
  );
}
