import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_TEMPLATE_LANGUAGES } from '../../../shared/templates/languages';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { useToastStore } from '../toast/toastStore';
import { languageName } from './languageName';
import { TemplateForm } from './TemplateForm';
import { byFolder, TemplateList } from './TemplateList';
import { useTemplatesStore } from './templatesStore';

/** Reply templates: the list on the left, the chosen one (or a new one) on the right, with a live preview. */
export function TemplatesDialog() {
  const { t } = useTranslation();
  const templates = useTemplatesStore((s) => s.templates);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [isNew, setIsNew] = useState(false);

  useEffect(() => {
    void useTemplatesStore.getState().load();
  }, []);

  const current = isNew ? null : (templates?.find((template) => template.id === selectedId) ?? byFolder(templates ?? [])[0]?.items[0] ?? null);
  const select = (id: string | null) => {
    setIsNew(id === null);
    setSelectedId(id);
  };
  return (
    <Dialog title={t('templates.title')} className="templates-dialog">
      <div className="templates-layout">
        <TemplateList templates={templates ?? []} currentId={current?.id ?? null} onSelect={select} />
        {templates === null ? (
          <p className="muted">{t('templates.loading')}</p>
        ) : (
          <TemplateForm key={current?.id ?? 'new'} template={current} onSaved={(template) => select(template.id)} onRemoved={() => { setIsNew(false); setSelectedId(null); }} />
        )}
      </div>
      <div className="dialog-actions templates-footer">
        <DefaultLanguage />
        <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('templates.close')}</button>
      </div>
    </Dialog>
  );
}

/** The language a conversation gets when its own has no version (or is unknown). */
function DefaultLanguage() {
  const { t, i18n } = useTranslation();
  const defaultLanguage = useTemplatesStore((s) => s.defaultLanguage);
  const languages = [...new Set([defaultLanguage, ...COMMON_TEMPLATE_LANGUAGES])];
  return (
    <label className="templates-default-language">
      {t('templates.defaultLanguage')}
      <select
        value={defaultLanguage}
        onChange={(event) => {
          useTemplatesStore.getState().setDefaultLanguage(event.target.value).catch((error: unknown) => {
            useToastStore.getState().show('error', t('templates.saveFailed', { message: (error as Error).message }));
          });
        }}
      >
        {languages.map((code) => <option key={code} value={code}>{languageName(code, i18n.language)}</option>)}
      </select>
    </label>
  );
}
