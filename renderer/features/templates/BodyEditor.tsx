import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTemplate, type VariableUse } from '../../../shared/templates/renderTemplate';
import { MAX_TEMPLATE_BODY } from '../../../shared/templates/templateSchema';
import { TEMPLATE_VARIABLES } from '../../../shared/templates/variables';
import { localeOf } from '../../i18n/i18n';
import { problemText, type DraftProblem } from './templateDraft';

type Props = { body: string; language: string; problems: readonly DraftProblem[]; onChange: (body: string) => void };

/** Where a 1-based line and column fall in the text. */
const offsetOf = (text: string, line: number, column: number) =>
  text.split('\n').slice(0, line - 1).reduce((sum, previous) => sum + previous.length + 1, 0) + column - 1;

/**
 * The text of one version, checked as it is typed: a body that does not parse says where, and
 * each variable Pieuvre does not know is listed by line; choosing one selects it in the text.
 */
export function BodyEditor({ body, language, problems, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const unknown = checkTemplate(body).variables.filter((use) => !use.isKnown);
  const hasProblems = problems.length > 0 || unknown.length > 0;
  const number = new Intl.NumberFormat(localeOf(i18n.language));

  const select = (use: VariableUse) => {
    const start = offsetOf(body, use.line, use.column);
    textarea.current?.focus();
    textarea.current?.setSelectionRange(start, start + use.path.length);
  };
  const insert = (variable: string) => {
    const element = textarea.current;
    const [from, to] = element ? [element.selectionStart, element.selectionEnd] : [body.length, body.length];
    const text = `{{ ${variable} }}`;
    onChange(body.slice(0, from) + text + body.slice(to));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(from + text.length, from + text.length);
    });
  };

  return (
    <div className="body-editor" role="tabpanel" id="template-body-panel">
      <label htmlFor="template-body">{t('templates.body')}</label>
      <textarea
        id="template-body"
        ref={textarea}
        lang={language}
        rows={6}
        value={body}
        aria-invalid={hasProblems}
        aria-describedby={hasProblems ? 'template-body-problems' : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <div className="body-tools">
        <span className="variable-chips" aria-label={t('templates.insertVariable')} role="group">
          {TEMPLATE_VARIABLES.map((variable) => (
            <button key={variable} type="button" className="chip" title={t(`templates.variable.${variable.replace('.', '_')}`)} onClick={() => insert(variable)}>
              {variable}
            </button>
          ))}
        </span>
        <span className={body.length > MAX_TEMPLATE_BODY ? 'body-count form-error' : 'body-count muted'}>
          {number.format(body.length)} / {number.format(MAX_TEMPLATE_BODY)}
        </span>
      </div>
      {hasProblems ? (
        <ul id="template-body-problems" className="body-problems">
          {problems.map((problem) => <li key={problem.key} className="form-error">{problemText(t, problem)}</li>)}
          {unknown.map((use) => (
            <li key={`${use.line}:${use.column}`}>
              <button type="button" className="link-button" onClick={() => select(use)}>
                {t('templates.unknownVariable', { line: use.line, column: use.column, path: use.path })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
