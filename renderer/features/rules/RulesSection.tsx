import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleDefinition } from '../../../shared/rules/ruleSchema';
import { useToastStore } from '../toast/toastStore';
import { describeRule } from './describeRule';
import { RuleEditor } from './RuleEditor';
import { RulesFileButtons } from './RulesFileButtons';
import { RuleRow } from './RuleRow';
import { RuleVersions } from './RuleVersions';
import { namesOf, useRulesStore } from './rulesStore';
import { StarterList } from './StarterList';


/** Settings → Rules: the rules in the order they run, and the editor in their place while one is edited. */
export function RulesSection() {
  const { t } = useTranslation();
  const editing = useRulesStore((s) => s.editing);
  const [isPickingStarter, setIsPickingStarter] = useState(false);
  // The starters and the editor take the list's place, so what opened them is gone meanwhile: the keyboard goes back to it once the list is back.
  const returnFocusTo = useRef<string | null>(null);
  const open = (opener: string, show: () => void) => {
    returnFocusTo.current ??= opener;
    show();
  };
  const edit = (id: string | null, definition: RuleDefinition | null) => {
    setIsPickingStarter(false);
    useRulesStore.getState().startEditing(id, definition);
  };
  useEffect(() => {
    if (editing || isPickingStarter || returnFocusTo.current === null) return;
    document.querySelector<HTMLElement>(returnFocusTo.current)?.focus();
    returnFocusTo.current = null;
  }, [editing, isPickingStarter]);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    useRulesStore.getState().load().catch((failure: unknown) => setLoadError((failure as Error).message));
  }, []);
  if (editing) return <RuleEditor editing={editing} />;
  if (isPickingStarter) return <StarterList onPick={(definition) => edit(null, definition)} onBack={() => setIsPickingStarter(false)} />;
  return (
    <section className="settings-section rules-section">
      <p className="muted">{t('rules.intro')}</p>
      <div className="rules-toolbar">
        <button type="button" data-opens="editor" onClick={() => open('[data-opens="editor"]', () => edit(null, null))}>{t('rules.new')}</button>
        <button type="button" data-opens="starters" onClick={() => open('[data-opens="starters"]', () => setIsPickingStarter(true))}>{t('rules.fromStarter')}</button>
        <RulesFileButtons />
      </div>
      {loadError ? <p className="form-error" role="alert">{t('rules.loadFailed', { message: loadError })}</p> : <RuleList onEdit={(id, definition) => open(`.rule-row[data-rule-id="${id}"]`, () => edit(id, definition))} />}
    </section>
  );
}

function RuleList({ onEdit }: { onEdit(id: string, definition: RuleDefinition): void }) {
  const { t } = useTranslation();
  const rules = useRulesStore((s) => s.rules);
  const people = useRulesStore((s) => s.people);
  const accounts = useRulesStore((s) => s.accounts);
  const templates = useRulesStore((s) => s.templates);
  const [dropAt, setDropAt] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  if (rules === null) return <p className="muted" aria-busy="true">{t('rules.loading')}</p>;
  if (rules.length === 0) return <p className="muted">{t('rules.empty')}</p>;
  const names = namesOf({ people, accounts, templates }, t('assign.you'));
  const failed = (failure: unknown) => useToastStore.getState().show('error', t('rules.failed', { message: (failure as Error).message }));
  const moveTo = async (id: string, to: number) => {
    const name = rules.find((rule) => rule.id === id)?.name ?? '';
    await useRulesStore.getState().moveTo(id, to);
    setAnnouncement(t('rules.row.moved', { name, position: Math.min(to, rules.length - 1) + 1, count: rules.length }));
    // The moved row keeps the keyboard, wherever it went.
    document.querySelector<HTMLElement>(`.rule-row[data-rule-id="${id}"]`)?.focus();
  };
  return (
    <>
      <ol className="rule-list" aria-label={t('rules.listLabel')} onDragLeave={() => setDropAt(null)}>
        {rules.map((rule, index) => (
          <RuleRow
            key={rule.id}
            rule={rule}
            position={index}
            count={rules.length}
            summary={describeRule(t, rule, names)}
            isDropTarget={dropAt === rule.id}
            history={historyOf === rule.id ? <RuleVersions rule={rule} names={names} /> : null}
            onHistory={() => setHistoryOf(historyOf === rule.id ? null : rule.id)}
            onEdit={() => onEdit(rule.id, rule)}
            onDuplicate={() => void useRulesStore.getState().duplicate(rule.id).catch(failed)}
            onDelete={() => {
              useRulesStore.getState().remove(rule.id).then(() => useToastStore.getState().show('info', t('rules.row.deleted', { name: rule.name })), failed);
            }}
            onToggle={(isEnabled) => void useRulesStore.getState().setEnabled(rule.id, isEnabled).catch(failed)}
            onMove={(delta) => {
              const to = index + delta;
              if (to >= 0 && to < rules.length) moveTo(rule.id, to).catch(failed);
            }}
            onDragOver={() => setDropAt(rule.id)}
            onDrop={(draggedId) => {
              setDropAt(null);
              if (draggedId !== rule.id) moveTo(draggedId, index).catch(failed);
            }}
          />
        ))}
      </ol>
      <p className="visually-hidden" role="status">{announcement}</p>
    </>
  );
}
