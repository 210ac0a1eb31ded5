import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../shared/api/templates';
import { matchTemplates } from '../../../shared/templates/matchTemplates';
import { templatesFileSchema } from '../../../shared/templates/templateSchema';
import { describeIssues } from '../../../shared/api/describeIssues';
import { useToastStore } from '../toast/toastStore';
import { downloadJsonFile, fileDate, readJsonFile } from '../../lib/jsonFile';
import { JsonFileButtons } from '../../lib/JsonFileButtons';
import { useTemplatesStore } from './templatesStore';

type Props = { templates: Template[]; currentId: string | null; onSelect: (id: string | null) => void };

/** Templates by folder (or, while searching, best match first), with New, Import and Export. */
export function TemplateList({ templates, currentId, onSelect }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const groups = query.trim() ? [{ folder: null, items: matchTemplates(templates, query) }] : byFolder(templates);
  return (
    <section className="template-list" aria-label={t('templates.listLabel')}>
      <input type="search" value={query} placeholder={t('templates.search')} aria-label={t('templates.search')} onChange={(event) => setQuery(event.target.value)} />
      <div className="template-list-actions">
        <button type="button" className="template-new" onClick={() => onSelect(null)}>{t('templates.new')}</button>
        <FileButtons />
      </div>
      {templates.length === 0 ? <p className="muted">{t('templates.empty')}</p> : null}
      {groups.map(({ folder, items }) => (
        <div key={folder ?? ''} className="template-group">
          {folder !== null ? <h3>{folder || t('templates.noFolder')}</h3> : null}
          <ul>
            {items.map((template) => (
              <li key={template.id}>
                <button type="button" aria-current={template.id === currentId ? 'true' : undefined} onClick={() => onSelect(template.id)}>
                  <span className="template-name" title={template.name} data-truncate>{template.name}</span>
                  <span className="template-shortcut">/{template.shortcut}</span>
                  {template.usageCount > 0 ? <span className="template-uses muted">{t('templates.uses', { count: template.usageCount })}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Folders in alphabetical order, the unfiled last; templates by name within each. */
export function byFolder(templates: readonly Template[]): { folder: string; items: Template[] }[] {
  const folders = [...new Set(templates.map((template) => template.folder))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  return folders.map((folder) => ({
    folder,
    items: templates.filter((template) => template.folder === folder).sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

/** Export every template to a JSON file; import one (all or nothing: the core says what is wrong). */
function FileButtons() {
  const { t } = useTranslation();
  const toasts = useToastStore.getState();
  const exportAll = async () => {
    try {
      downloadJsonFile(await useTemplatesStore.getState().exportFile(), `pieuvre-templates-${fileDate(Date.now())}.json`);
    } catch (error) {
      toasts.show('error', t('templates.exportFailed', { message: (error as Error).message }));
    }
  };
  const importFile = async (file: File) => {
    const parsed = templatesFileSchema.safeParse(await readJsonFile(file));
    if (!parsed.success) return toasts.show('error', t('templates.importInvalid', { name: file.name, problem: describeIssues(parsed.error) }));
    try {
      const { created, updated } = await useTemplatesStore.getState().importFile(parsed.data);
      toasts.show('info', t('templates.imported', { created, updated }));
    } catch (error) {
      toasts.show('error', t('templates.importFailed', { name: file.name, message: (error as Error).message }));
    }
  };
  return <JsonFileButtons importLabel={t('templates.import')} exportLabel={t('templates.export')} onFile={(file) => void importFile(file)} onExport={() => void exportAll()} />;
}
