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

/** What follows when the person discards unsaved edits: the dialog closes, or another template opens (null: a new one). */
type Discarding = { then: 'close' } | { then: 'open'; id: string | null };

/** Reply templates: the list on the left, the chosen one (or a new one) on the right, with a live preview. */
export function TemplatesDialog() {
  const { t } = useTranslation();
  const templates = useTemplatesStore((s) => s.templates);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [isNew, setIsNew] = useState(false);
  const [isDirty, setIsDirty] = useState(false);
  const [discarding, setDiscarding] = useState<Discarding | null>(null);
  const keepEditing = useRef<HTMLButtonElement>(null);
  // The form's field last used: Keep editing goes back to it (the question, once gone, leaves the focus nowhere).
  const lastField = useRef<HTMLElement | null>(null);

  useEffect(() => {
    void useTemplatesStore.getState().load();
  }, []);
  // Escape, the backdrop and Close ask first while the form holds edits that are not saved.
  useEffect(() => {
    const askFirst = () => {
      setDiscarding({ then: 'close' });
      return false;
    };
    useOverlayStore.getState().setCloseGuard(isDirty ? askFirst : null);
  }, [isDirty]);
  useEffect(() => {
    if (discarding) keepEditing.current?.focus();
  }, [discarding]);

  const current = isNew ? null : (templates?.find((template) => template.id === selectedId) ?? byFolder(templates ?? [])[0]?.items[0] ?? null);
  const open = (id: string | null) => {
    setIsNew(id === null);
    setSelectedId(id);
  };
  // Another template (or a new one) replaces the form: unsaved edits would vanish without a word.
  const select = (id: string | null) => (isDirty ? setDiscarding({ then: 'open', id }) : open(id));
  const discard = () => {
    if (discarding?.then === 'open') {
      setDiscarding(null);
      open(discarding.id);
    } else useOverlayStore.getState().close();
  };
  return (
    <Dialog title={t('templates.title')} className="templates-dialog">
      <div
        className="templates-layout"
        onFocus={(event) => {
          if (event.target instanceof HTMLElement && event.target.closest('.template-form')) lastField.current = event.target;
        }}
      >
        <TemplateList templates={templates ?? []} currentId={current?.id ?? null} onSelect={select} />
        {templates === null ? (
          <p className="muted">{t('templates.loading')}</p>
        ) : (
          <TemplateForm key={current?.id ?? 'new'} template={current} onSaved={(template) => open(template.id)} onRemoved={() => { setIsNew(false); setSelectedId(null); }} onDirtyChange={setIsDirty} />
        )}
      </div>
      {discarding ? (
        <div className="unsaved-confirm" role="alert">
          <p>{t('templates.unsaved.message')}</p>
          <div className="dialog-actions">
            <button
              ref={keepEditing}
              type="button"
              onClick={() => {
                setDiscarding(null);
                lastField.current?.focus();
              }}
            >
              {t('templates.unsaved.keep')}
            </button>
            <button type="button" className="danger" onClick={discard}>{t(discarding.then === 'open' ? 'templates.unsaved.discardAndOpen' : 'templates.unsaved.discard')}</button>
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
