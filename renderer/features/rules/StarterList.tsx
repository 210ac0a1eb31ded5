import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StarterRule } from '../../../shared/api/rules';
import type { RuleDefinition } from '../../../shared/rules/ruleSchema';
import { call } from '../../app/coreClient';
import { describeRule } from './describeRule';
import { namesOf, useRulesStore } from './rulesStore';

/** The starter rules, written in the UI's language, each described in one line: picking one opens it in the editor, unsaved. */
export function StarterList({ onPick, onBack }: { onPick(definition: RuleDefinition): void; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const people = useRulesStore((s) => s.people);
  const accounts = useRulesStore((s) => s.accounts);
  const templates = useRulesStore((s) => s.templates);
  const [starters, setStarters] = useState<StarterRule[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  // The button that opened the list is gone: the keyboard starts at the list's title, not back at the dialog's first tab.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  useEffect(() => {
    let isCurrent = true;
    call('rules.starters', { language }).then(
      (found) => isCurrent && setStarters(found),
      (failure: unknown) => isCurrent && setError((failure as Error).message),
    );
    return () => {
      isCurrent = false;
    };
  }, [language]);
  const names = namesOf({ people, accounts, templates }, t('assign.you'));
  return (
    <section className="settings-section rules-section">
      <h3 ref={title} tabIndex={-1}>{t('rules.starters.title')}</h3>
      <p className="muted">{t('rules.starters.intro')}</p>
      {error ? <p className="form-error" role="alert">{t('rules.failed', { message: error })}</p> : null}
      {starters === null && !error ? <p className="muted" aria-busy="true">{t('rules.starters.loading')}</p> : null}
      <ul className="starter-list">
        {(starters ?? []).map((starter) => (
          <li key={starter.key}>
            <button type="button" className="starter" onClick={() => onPick(starter.definition)}>
              <strong>{starter.definition.name}</strong>
              <span className="muted">{describeRule(t, starter.definition, names)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onBack}>{t('rules.starters.back')}</button>
      </div>
    </section>
  );
}
