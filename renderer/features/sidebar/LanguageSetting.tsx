import { useTranslation } from 'react-i18next';
import { savedLanguageOverride, setLanguageOverride, type Language } from '../../i18n/i18n';

/** Follow the system's language, or pick one; remembered on this computer. */
export function LanguageSetting() {
  const { t } = useTranslation();
  const override = savedLanguageOverride() ?? '';
  return (
    <label className="language-setting">
      <span className="visually-hidden">{t('settings.language')}</span>
      <select value={override} onChange={(event) => setLanguageOverride((event.target.value || null) as Language | null)}>
        <option value="">{t('settings.system')}</option>
        <option value="fr">{t('settings.french')}</option>
        <option value="en">{t('settings.english')}</option>
      </select>
    </label>
  );
}
