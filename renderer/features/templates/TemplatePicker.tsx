import { useTranslation } from 'react-i18next';
import type { RenderedTemplate } from '../../../shared/api/templates';
import { useOverlayStore } from '../overlays/overlayStore';
import { languageName } from './languageName';
import { useTemplatesStore } from './templatesStore';
import type { TemplatePickerState } from './useTemplatePicker';

export const TEMPLATE_PICKER_ID = 'template-picker';

/** The list the `/` picker shows above the reply box: shortcut, name, the language this conversation gets, a preview. */
export function TemplatePicker({ picker, conversationId }: { picker: TemplatePickerState; conversationId: string }) {
  const { t, i18n } = useTranslation();
  const rendered = useTemplatesStore((s) => (s.rendered?.conversationId === conversationId ? s.rendered.byId : null));
  if (!picker.isOpen) return null;
  let empty: string | null = null;
  if (picker.isLoading) empty = t('templates.picker.loading');
  else if (picker.matches.length === 0) empty = picker.query ? t('templates.picker.noMatch', { query: picker.query }) : t('templates.picker.none');
  return (
    <div className="template-picker">
      {empty !== null ? <p className="template-picker-empty muted">{empty}</p> : null}
      <ul id={TEMPLATE_PICKER_ID} role="listbox" aria-label={t('templates.picker.label')} hidden={empty !== null}>
        {picker.matches.map((template, index) => (
          <li
            key={template.id}
            {...picker.list.optionProps(index)}
            // Keep the caret in the reply box: a click picks, it does not move focus.
            onMouseDown={(event) => event.preventDefault()}
          >
            <span className="template-option-head">
              <span className="template-shortcut">/{template.shortcut}</span>
              <span className="template-name" title={template.name} data-truncate>{template.name}</span>
              <VersionBadge rendered={rendered?.get(template.id)} uiLanguage={i18n.language} />
            </span>
            <Preview rendered={rendered?.get(template.id)} />
          </li>
        ))}
      </ul>
      <p className="template-picker-hint">
        <span>{t('templates.picker.hint')}</span>
        <button type="button" className="link-button" onMouseDown={(event) => event.preventDefault()} onClick={() => { picker.close(); useOverlayStore.getState().show('templates'); }}>
          {t('templates.picker.manage')}
        </button>
      </p>
    </div>
  );
}

function VersionBadge({ rendered, uiLanguage }: { rendered: RenderedTemplate | undefined; uiLanguage: string }) {
  const { t } = useTranslation();
  if (!rendered) return null;
  const platform = rendered.platform ? ` · ${t(`platform.${rendered.platform}`)}` : '';
  return (
    <span className="chip template-language" title={`${languageName(rendered.language, uiLanguage)}${platform}`}>
      {rendered.language.toUpperCase()}
      {platform}
    </span>
  );
}

function Preview({ rendered }: { rendered: RenderedTemplate | undefined }) {
  const { t } = useTranslation();
  if (!rendered) return <span className="template-preview muted">…</span>;
  if (rendered.problem) return <span className="template-preview is-problem">{t('templates.picker.broken')}</span>;
  return (
    <>
      <span className="template-preview">{rendered.text}</span>
      {rendered.withheld.length > 0 ? <span className="template-withheld form-warning">{t('templates.picker.withheld', { variables: rendered.withheld.join(', ') })}</span> : null}
    </>
  );
}
