import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CoreError } from '../../app/coreClient';
import { draftProblems, toTopicInput, type TopicDraft, type TopicField, type TopicProblem } from './topicDraft';
import { useSensitiveTopicsStore } from './sensitiveTopicsStore';

/** Adds or edits one topic; each problem is shown on its field, in the person's language. */
export function TopicForm({ id, initial, onDone }: { id: string | null; initial: TopicDraft; onDone: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<TopicField, TopicProblem>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  // Each refused save takes the focus to the first field to fix: left on Save, a keyboard user
  // hears nothing of the problems and must hunt for them.
  const [refusals, setRefusals] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  const change = (field: TopicField, value: string) => {
    setDraft({ ...draft, [field]: value });
    setProblems({ ...problems, [field]: undefined });
  };
  const save = async () => {
    const found = draftProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setRefusals((count) => count + 1);
      return;
    }
    try {
      await useSensitiveTopicsStore.getState().save(toTopicInput(draft), id ?? undefined);
      onDone();
    } catch (error) {
      // The core checks again; its refusal of a field is said on that field.
      const field = error instanceof CoreError ? error.issues.map((issue) => issue.path.split('.')[1]).find((name) => name === 'endsOn') : undefined;
      if (field) {
        setProblems({ endsOn: 'endBeforeStart' });
        setRefusals((count) => count + 1);
      } else setFailure(t('sensitiveTopics.saveFailed', { message: (error as Error).message }));
    }
  };
  const field = (name: TopicField, label: string, input: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode, hint?: string) => {
    const problem = problems[name];
    const inputId = `topic-${name}`;
    const describedBy = [problem ? `${inputId}-problem` : null, hint ? `${inputId}-hint` : null].filter(Boolean).join(' ');
    return (
      <div className="topic-field">
        <label htmlFor={inputId}>{label}</label>
        {input({ id: inputId, 'aria-invalid': problem !== undefined, ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
        {hint ? <p id={`${inputId}-hint`} className="muted">{hint}</p> : null}
        {problem ? <p id={`${inputId}-problem`} className="form-error">{t(`sensitiveTopics.problems.${problem}`)}</p> : null}
      </div>
    );
  };
  return (
    <form ref={form} className="topic-form" aria-label={id ? t('sensitiveTopics.editTitle') : t('sensitiveTopics.addTitle')} onSubmit={(event) => { event.preventDefault(); void save(); }}>
      {field('name', t('sensitiveTopics.name'), (a11y) => <input type="text" {...a11y} autoFocus value={draft.name} maxLength={120} onChange={(event) => change('name', event.target.value)} />)}
      {field('words', t('sensitiveTopics.words'), (a11y) => <textarea rows={3} {...a11y} value={draft.words} onChange={(event) => change('words', event.target.value)} />, t('sensitiveTopics.wordsHint'))}
      <div className="topic-dates">
        {field('startsOn', t('sensitiveTopics.startsOn'), (a11y) => <input type="date" {...a11y} value={draft.startsOn} onChange={(event) => change('startsOn', event.target.value)} />)}
        {field('endsOn', t('sensitiveTopics.endsOn'), (a11y) => <input type="date" {...a11y} value={draft.endsOn} min={draft.startsOn} onChange={(event) => change('endsOn', event.target.value)} />, t('sensitiveTopics.endsOnHint'))}
      </div>
      {failure ? <p className="form-error" role="alert">{failure}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>{t('sensitiveTopics.cancel')}</button>
        <button type="submit">{t('sensitiveTopics.save')}</button>
      </div>
    </form>
  );
}
