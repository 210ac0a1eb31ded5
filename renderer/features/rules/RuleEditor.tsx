import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayStore } from '../overlays/overlayStore';
import { useUnsavedChanges } from '../settings/unsavedChanges';
import { useToastStore } from '../toast/toastStore';
import { ActionsEditor } from './ActionsEditor';
import { ConditionGroupEditor } from './ConditionGroupEditor';
import { DryRunPanel } from './DryRunPanel';
import { toDefinition, updateNode, type RuleDraft } from './ruleDraft';
import { checkDraft, type RuleProblems } from './ruleProblems';
import { useRulesStore, type Editing } from './rulesStore';
import { TriggerFields } from './TriggerFields';
import { useDryRun } from './useDryRun';

/**
 * One rule's editor, in place of the list: name, trigger, conditions, actions, and beside them
 * the rule tried on history as it changes. Escape and Cancel ask first when edits are unsaved.
 */
export function RuleEditor({ editing }: { editing: Editing }) {
  const { t } = useTranslation();
  const people = useRulesStore((s) => s.people);
  const { id, draft, baseline, savedName } = editing;
  const onClose = useRulesStore.getState().stopEditing;
  const [shownProblems, setShownProblems] = useState<RuleProblems>({});
  const [isAsking, setIsAsking] = useState(false);
  const [days, setDays] = useState(30);
  const keepEditing = useRef<HTMLButtonElement>(null);
  const checked = useMemo(() => checkDraft(t, draft), [t, draft]);
  const dryRun = useDryRun(checked.definition, days);
  const isDirty = JSON.stringify(toDefinition(draft)) !== baseline;
  // Another Settings tab, or its Close, asks first while the rule has unsaved edits.
  useUnsavedChanges(isDirty ? { name: draft.name.trim() || savedName || t('rules.editor.titleNew'), discard: onClose } : null);

  // Escape (and the dialog's Close) close the editor, not Settings; with unsaved edits they ask first.
  useEffect(() => {
    useOverlayStore.getState().setCloseGuard(() => {
      if (isDirty) setIsAsking(true);
      else onClose();
      return false;
    });
    return () => useOverlayStore.getState().setCloseGuard(null);
  }, [isDirty, onClose]);
  useEffect(() => {
    if (isAsking) keepEditing.current?.focus();
  }, [isAsking]);

  const change = (next: RuleDraft) => {
    useRulesStore.getState().changeDraft(next);
    // A problem shown after Save goes away once its field is fixed; new ones wait for the next Save.
    const now = checkDraft(t, next).problems ?? {};
    setShownProblems((shown) => Object.fromEntries(Object.entries(shown).filter(([key]) => key in now).map(([key]) => [key, now[key] ?? ''])));
  };
  const save = async () => {
    if (!checked.definition) {
      setShownProblems(checked.problems);
      useToastStore.getState().show('error', t('rules.editor.fixFirst'));
      return;
    }
    try {
      const rule = await useRulesStore.getState().save(id, checked.definition);
      useToastStore.getState().show('info', t('rules.editor.saved', { name: rule.name }));
      onClose();
    } catch (failure) {
      useToastStore.getState().show('error', t('rules.editor.saveFailed', { message: (failure as Error).message }));
    }
  };
  const cancel = () => (isDirty ? setIsAsking(true) : onClose());

  return (
    <form className="rule-editor" aria-labelledby="rule-editor-title" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <h3 id="rule-editor-title">{id === null ? t('rules.editor.titleNew') : t('rules.editor.titleEdit', { name: savedName })}</h3>
      <div className="rule-editor-layout">
        <div className="rule-editor-fields">
          <label htmlFor="rule-name">{t('rules.editor.name')}</label>
          <input id="rule-name" type="text" autoFocus value={draft.name} maxLength={120} aria-invalid={'name' in shownProblems} aria-describedby={shownProblems.name ? 'rule-name-problem' : undefined} onChange={(event) => change({ ...draft, name: event.target.value })} />
          {shownProblems.name ? <p id="rule-name-problem" className="form-error" role="alert">{shownProblems.name}</p> : null}
          <TriggerFields trigger={draft.trigger} people={people} you={t('assign.you')} problem={shownProblems.trigger} onChange={(trigger) => change({ ...draft, trigger })} />
          <fieldset className="rule-block">
            <legend>{t('rules.editor.conditions')}</legend>
            <ConditionGroupEditor group={draft.when} depth={1} problems={shownProblems} onChange={(key, node) => change({ ...draft, when: updateNode(draft.when, key, () => node) })} />
          </fieldset>
          <ActionsEditor actions={draft.actions} problems={shownProblems} onChange={(actions) => change({ ...draft, actions })} />
          <label className="rule-inline-check">
            <input type="checkbox" checked={draft.stopProcessing} onChange={(event) => change({ ...draft, stopProcessing: event.target.checked })} />
            {t('rules.editor.stop')}
          </label>
          <label className="rule-inline-check">
            <input type="checkbox" role="switch" checked={draft.isEnabled} onChange={(event) => change({ ...draft, isEnabled: event.target.checked })} />
            {t('rules.editor.enabled')}
          </label>
        </div>
        <DryRunPanel state={dryRun} days={days} isReplay={draft.trigger.type !== 'messageArrived'} onDaysChange={setDays} />
      </div>
      {isAsking ? (
        <div className="unsaved-confirm" role="alert">
          <p>{t('rules.editor.unsaved.message')}</p>
          <div className="dialog-actions">
            <button ref={keepEditing} type="button" onClick={() => setIsAsking(false)}>{t('rules.editor.unsaved.keep')}</button>
            <button type="button" className="danger" onClick={onClose}>{t('rules.editor.unsaved.discard')}</button>
          </div>
        </div>
      ) : null}
      <div className="dialog-actions rule-editor-actions">
        <button type="button" onClick={cancel}>{t('rules.editor.cancel')}</button>
        <button type="submit">{t('rules.editor.save')}</button>
      </div>
    </form>
  );
}
