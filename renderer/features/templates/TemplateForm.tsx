import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../shared/api/templates';
import { useToastStore } from '../toast/toastStore';
import { BodyEditor } from './BodyEditor';
import { draftOf, draftProblems, emptyDraft, inputOf, problemText, variantKey, withVariant, type ProblemField, type TemplateDraft } from './templateDraft';
import { TemplateFields } from './TemplateFields';
import { TemplatePreview } from './TemplatePreview';
import { useTemplatesStore } from './templatesStore';
import { VariantTabs } from './VariantTabs';
import { SensitiveTouchNotice } from '../sensitiveTopics/SensitiveTouchNotice';

type Props = { template: Template | null; onSaved: (template: Template) => void; onRemoved: () => void; onDirtyChange: (isDirty: boolean) => void };

/** One template's fields and versions. Field problems show once the person tries to save; body problems as they type. */
export function TemplateForm({ template, onSaved, onRemoved, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const defaultLanguage = useTemplatesStore((s) => s.defaultLanguage);
  const templates = useTemplatesStore((s) => s.templates);
  const [draft, setDraft] = useState<TemplateDraft>(() => (template ? draftOf(template) : emptyDraft(defaultLanguage)));
  // What was last loaded or saved: the draft differs from it while edits are unsaved.
  const [baseline, setBaseline] = useState(draft);
  const isDirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(baseline), [draft, baseline]);
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  const [activeKey, setActiveKey] = useState(() => variantKey(draft.variants[0] ?? { language: defaultLanguage, platform: null }));
  const [hasTriedSave, setHasTriedSave] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [isConfirmingRemove, setIsConfirmingRemove] = useState(false);
  const problems = useMemo(() => draftProblems(draft, templates ?? []), [draft, templates]);
  const activeIndex = Math.max(0, draft.variants.findIndex((variant) => variantKey(variant) === activeKey));
  const active = draft.variants[activeIndex];
  const folders = useMemo(() => [...new Set((templates ?? []).map((other) => other.folder).filter(Boolean))], [templates]);

  const shown = (field: ProblemField) => (hasTriedSave ? problems.find((problem) => problem.field === field && problem.variant === undefined) : undefined);
  const change = (fields: Partial<TemplateDraft>) => {
    setDraft({ ...draft, ...fields });
    setSaveError(null);
  };

  const save = async () => {
    setHasTriedSave(true);
    if (problems.length > 0) {
      // A version with something wrong may not be the one shown: show it.
      const broken = problems.find((problem) => problem.variant !== undefined && problem.variant !== activeIndex)?.variant;
      const other = broken === undefined || problems.some((problem) => problem.variant === activeIndex) ? undefined : draft.variants[broken];
      if (other) setActiveKey(variantKey(other));
      setSaveError(t('templates.fixFirst'));
      return;
    }
    try {
      const saved = await useTemplatesStore.getState().save(inputOf(draft));
      setBaseline(draft);
      useToastStore.getState().show('info', t('templates.saved', { name: saved.name }));
      onSaved(saved);
    } catch (error) {
      setSaveError(t('templates.saveFailed', { message: (error as Error).message }));
    }
  };
  const remove = async () => {
    if (!template) return;
    try {
      await useTemplatesStore.getState().remove(template.id);
      useToastStore.getState().show('info', t('templates.removed', { name: template.name }));
      onRemoved();
    } catch (error) {
      setSaveError(t('templates.removeFailed', { message: (error as Error).message }));
    }
  };

  return (
    <form className="template-form" aria-label={template ? template.name : t('templates.new')} onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <TemplateFields draft={draft} folders={folders} shown={shown} onChange={change} />
      <VariantTabs
        variants={draft.variants}
        activeKey={variantKey(active ?? { language: defaultLanguage, platform: null })}
        problemVariants={new Set(problems.flatMap((problem) => (problem.variant === undefined ? [] : [problem.variant])))}
        onSelect={setActiveKey}
        onAdd={(variant) => {
          change({ variants: withVariant(draft.variants, { ...variant, body: active?.body ?? '' }) });
          setActiveKey(variantKey(variant));
        }}
        onRemove={(key) => {
          const variants = draft.variants.filter((variant) => variantKey(variant) !== key);
          change({ variants });
          setActiveKey(variantKey(variants[0] ?? { language: defaultLanguage, platform: null }));
        }}
      />
      {shown('variants') ? <p className="form-error">{problemText(t, shown('variants'))}</p> : null}
      {active ? (
        <BodyEditor
          body={active.body}
          language={active.language}
          problems={problems.filter((problem) => problem.variant === activeIndex && (hasTriedSave || !problem.key.startsWith('body')))}
          onChange={(body) => change({ variants: draft.variants.map((variant, index) => (index === activeIndex ? { ...variant, body } : variant)) })}
        />
      ) : null}
      {active ? <SensitiveTouchNotice text={active.body} /> : null}
      <TemplatePreview variants={draft.variants} active={active ?? null} />
      {saveError ? <p className="form-error" role="alert">{saveError}</p> : null}
      <div className="dialog-actions">
        {template ? (
          <button type="button" className={isConfirmingRemove ? 'danger' : ''} onClick={() => (isConfirmingRemove ? void remove() : setIsConfirmingRemove(true))}>
            {isConfirmingRemove ? t('templates.confirmRemove') : t('templates.remove')}
          </button>
        ) : null}
        <button type="submit">{t('templates.save')}</button>
      </div>
    </form>
  );
}
