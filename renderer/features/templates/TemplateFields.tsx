import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText, type DraftProblem, type ProblemField, type TemplateDraft } from './templateDraft';

type Props = {
  draft: TemplateDraft;
  /** Folders other templates use: offered as the person types. */
  folders: readonly string[];
  shown: (field: ProblemField) => DraftProblem | undefined;
  onChange: (fields: Partial<TemplateDraft>) => void;
};

/** Name, shortcut, folder and tags, each with its problem under it. */
export function TemplateFields({ draft, folders, shown, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="template-fields">
      <Field id="template-name" label={t('templates.name')} problem={shown('name')}>
        {(a11y) => <input id="template-name" {...a11y} value={draft.name} onChange={(event) => onChange({ name: event.target.value })} />}
      </Field>
      <Field id="template-shortcut" label={t('templates.shortcut')} problem={shown('shortcut')}>
        {(a11y) => (
          <span className="shortcut-input">
            <span aria-hidden="true">/</span>
            <input id="template-shortcut" {...a11y} value={draft.shortcut} spellCheck={false} onChange={(event) => onChange({ shortcut: event.target.value })} />
          </span>
        )}
      </Field>
      <Field id="template-folder" label={t('templates.folder')} problem={shown('folder')}>
        {(a11y) => <input id="template-folder" {...a11y} value={draft.folder} list="template-folders" onChange={(event) => onChange({ folder: event.target.value })} />}
      </Field>
      <Field id="template-tags" label={t('templates.tags')} problem={shown('tags')}>
        {(a11y) => <input id="template-tags" {...a11y} value={draft.tags} placeholder={t('templates.tagsHint')} onChange={(event) => onChange({ tags: event.target.value })} />}
      </Field>
      <datalist id="template-folders">
        {folders.map((folder) => <option key={folder} value={folder} />)}
      </datalist>
    </div>
  );
}

type FieldA11y = { 'aria-invalid': boolean; 'aria-describedby'?: string };

function Field({ id, label, problem, children }: { id: string; label: string; problem: DraftProblem | undefined; children: (a11y: FieldA11y) => ReactNode }) {
  const { t } = useTranslation();
  const problemId = `${id}-problem`;
  return (
    <div className="template-field">
      <label htmlFor={id}>{label}</label>
      {children(problem ? { 'aria-invalid': true, 'aria-describedby': problemId } : { 'aria-invalid': false })}
      {problem ? <p className="form-error" id={problemId}>{problemText(t, problem)}</p> : null}
    </div>
  );
}
