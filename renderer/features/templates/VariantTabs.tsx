import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS, type Platform } from '../../../shared/domain/platform';
import { COMMON_TEMPLATE_LANGUAGES } from '../../../shared/templates/languages';
import { languageName } from './languageName';
import { variantKey, type VariantDraft } from './templateDraft';

type Props = {
  variants: readonly VariantDraft[];
  activeKey: string;
  /** Indexes of versions with something wrong: their tab is marked. */
  problemVariants: ReadonlySet<number>;
  onSelect: (key: string) => void;
  onAdd: (variant: Pick<VariantDraft, 'language' | 'platform'>) => void;
  onRemove: (key: string) => void;
};

/** One tab per version: a language's general text, and its platform versions after it. */
export function VariantTabs({ variants, activeKey, problemVariants, onSelect, onAdd, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const [isAdding, setIsAdding] = useState(false);
  const label = (variant: Pick<VariantDraft, 'language' | 'platform'>) =>
    `${languageName(variant.language, i18n.language)}${variant.platform ? ` · ${t(`platform.${variant.platform}`)}` : ''}`;
  // A general version cannot go while platform versions of its language depend on it.
  const canRemove = (variant: VariantDraft) =>
    variants.length > 1 && (variant.platform !== null || !variants.some((other) => other.language === variant.language && other.platform !== null));
  return (
    <div className="variant-tabs">
      <div role="tablist" aria-label={t('templates.versions')}>
        {variants.map((variant, index) => {
          const key = variantKey(variant);
          return (
            <span key={key} className="variant-tab">
              <button type="button" role="tab" aria-selected={key === activeKey} aria-controls="template-body-panel" onClick={() => onSelect(key)}>
                {label(variant)}
                {problemVariants.has(index) ? (
                  <span className="variant-problem">
                    <span aria-hidden="true"> ●</span>
                    <span className="visually-hidden">{t('templates.versionHasProblem')}</span>
                  </span>
                ) : null}
              </button>
              {key === activeKey && canRemove(variant) ? (
                <button type="button" className="icon-button" aria-label={t('templates.removeVersion', { version: label(variant) })} onClick={() => onRemove(key)}>×</button>
              ) : null}
            </span>
          );
        })}
        <button type="button" className="link-button" aria-expanded={isAdding} onClick={() => setIsAdding(!isAdding)}>{t('templates.addVersion')}</button>
      </div>
      {isAdding ? (
        <AddVersion
          variants={variants}
          label={label}
          onAdd={(variant) => {
            setIsAdding(false);
            onAdd(variant);
          }}
        />
      ) : null}
    </div>
  );
}

function AddVersion({ variants, label, onAdd }: { variants: readonly VariantDraft[]; label: (variant: Pick<VariantDraft, 'language' | 'platform'>) => string; onAdd: Props['onAdd'] }) {
  const { t, i18n } = useTranslation();
  const languages = [...new Set([...variants.map((variant) => variant.language), ...COMMON_TEMPLATE_LANGUAGES])];
  const [language, setLanguage] = useState(languages.find((code) => !variants.some((variant) => variant.language === code)) ?? 'fr');
  const [platform, setPlatform] = useState<Platform | ''>('');
  const wanted = { language, platform: platform === '' ? null : platform };
  const exists = variants.some((variant) => variantKey(variant) === variantKey(wanted));
  const needsGeneral = wanted.platform !== null && !variants.some((variant) => variant.language === language && variant.platform === null);
  return (
    <div className="add-version">
      <label>
        {t('templates.language')}
        <select value={language} onChange={(event) => setLanguage(event.target.value)}>
          {languages.map((code) => <option key={code} value={code}>{languageName(code, i18n.language)}</option>)}
        </select>
      </label>
      <label>
        {t('templates.platform')}
        <select value={platform} onChange={(event) => setPlatform(PLATFORMS.find((code) => code === event.target.value) ?? '')}>
          <option value="">{t('templates.allPlatforms')}</option>
          {PLATFORMS.map((code) => <option key={code} value={code}>{t(`platform.${code}`)}</option>)}
        </select>
      </label>
      <button type="button" disabled={exists || needsGeneral} onClick={() => onAdd(wanted)}>{t('templates.addThisVersion', { version: label(wanted) })}</button>
      {exists ? <p className="muted">{t('templates.versionExists')}</p> : needsGeneral ? <p className="muted">{t('templates.problem.needsGeneral')}</p> : null}
    </div>
  );
}
