import { useEffect, useRef, useState } from 'react';
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
  const [isDirty, setIsDirty] = useState(false);
  const [isAskingToClose, setIsAskingToClose] = useState(false);
  const keepEditing = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void useTemplatesStore.getState().load();
  }, []);
  // Escape, the backdrop and Close ask first while the form holds edits that are not saved.
  useEffect(() => {
    const askFirst = () => {
      setIsAskingToClose(true);
      return false;
    };
    useOverlayStore.getState().setCloseGuard(isDirty ? askFirst : null);
  }, [isDirty]);
  useEffect(() => {
    if (isAskingToClose) keepEditing.current?.focus();
  }, [isAskingToClose]);

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
          <TemplateForm key={current?.id ?? 'new'} template={current} onSaved={(template) => select(template.id)} onRemoved={() => { setIsNew(false); setSelectedId(null); }} onDirtyChange={setIsDirty} />
        )}
      </div>
      {isAskingToClose ? (
        <div className="unsaved-confirm" role="alert">
          <p>{t('templates.unsaved.message')}</p>
          <div className="dialog-actions">
            <button ref={keepEditing} type="button" onClick={() => setIsAskingToClose(false)}>{t('templates.unsaved.keep')}</button>
            <button type="button" className="danger" onClick={() => useOverlayStore.getState().close()}>{t('templates.unsaved.discard')}</button>
          </div>
        </div>
      ) : null}
      <div className="dialog-actions templates-footer">
        <DefaultLanguage />
        <button type="button" onClick={() => useOverlayStore.getState().dismiss()}>{t('templates.close')}</button>
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
