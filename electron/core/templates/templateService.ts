import { ApiFailure } from '../../../shared/api/result';
import type { RenderedTemplate, Template, TemplateConversationContext, TemplateSettings } from '../../../shared/api/templates';
import { renderAutomatic, withheldUses } from '../../../shared/templates/automaticRender';
import { pickVariant } from '../../../shared/templates/pickVariant';
import { checkTemplate, renderTemplate } from '../../../shared/templates/renderTemplate';
import type { TemplateInput, TemplatesFile } from '../../../shared/templates/templateSchema';
import { templateValues } from '../../../shared/templates/variables';
import type { CoreContext } from '../coreContext';
import { conversationFacts } from './conversationFacts';
import { findTemplate, listTemplates, markTemplateUsed, removeTemplate, setTemplateSettings, templateSettings, writeTemplate } from './templateStore';

/**
 * A body that does not parse is refused with its field and line ("variants.1.body: line 2:
 * tag {% if %} not closed"). Unknown variables are not: the editor flags them, and they
 * render empty rather than fail a reply.
 */
function assertBodiesParse(input: TemplateInput, field = ''): void {
  input.variants.forEach((variant, index) => {
    const { problem } = checkTemplate(variant.body);
    if (problem) {
      const where = problem.line === null ? '' : `line ${problem.line}: `;
      throw new ApiFailure('invalid_input', `${field}variants.${index}.body: ${where}${problem.message}`);
    }
  });
}

/** Reply templates: stored, checked, counted, moved between workspaces and rendered for a conversation. */
export class TemplateService {
  constructor(private readonly ctx: Pick<CoreContext, 'db' | 'clock'>) {}

  list(): Template[] {
    return listTemplates(this.ctx.db);
  }

  get(id: string): Template {
    const template = findTemplate(this.ctx.db, { id });
    if (!template) throw new ApiFailure('not_found', `There is no template ${id}.`);
    return template;
  }

  save(input: TemplateInput & { id?: string | undefined }): Template {
    const { id, ...fields } = input;
    if (id !== undefined) this.get(id);
    assertBodiesParse(fields);
    const owner = findTemplate(this.ctx.db, { shortcut: fields.shortcut });
    if (owner && owner.id !== id) throw new ApiFailure('conflict', `shortcut: /${fields.shortcut} is already the shortcut of “${owner.name}”.`);
    return this.get(writeTemplate(this.ctx.db, fields, this.ctx.clock(), id));
  }

  remove(id: string): { removed: boolean } {
    return { removed: removeTemplate(this.ctx.db, id) };
  }

  used(id: string): Template {
    if (!markTemplateUsed(this.ctx.db, id, this.ctx.clock())) throw new ApiFailure('not_found', `There is no template ${id}.`);
    return this.get(id);
  }

  export(): TemplatesFile {
    const templates = this.list().map(({ name, shortcut, folder, tags, variants }) => ({ name, shortcut, folder, tags, variants }));
    return { format: 'pieuvre.templates', version: 1, exportedAt: new Date(this.ctx.clock()).toISOString(), templates };
  }

  /** All or nothing: a file with one bad template changes nothing, and the error names it. */
  import(file: TemplatesFile): { created: number; updated: number } {
    const seen = new Set<string>();
    file.templates.forEach((template, index) => {
      assertBodiesParse(template, `templates.${index}.`);
      if (seen.has(template.shortcut)) throw new ApiFailure('invalid_input', `templates.${index}.shortcut: /${template.shortcut} appears twice in the file.`);
      seen.add(template.shortcut);
    });
    const now = this.ctx.clock();
    return this.ctx.db.transaction(() => {
      let created = 0;
      for (const template of file.templates) {
        const existing = findTemplate(this.ctx.db, { shortcut: template.shortcut });
        writeTemplate(this.ctx.db, template, now, existing?.id);
        if (!existing) created++;
      }
      return { created, updated: file.templates.length - created };
    })();
  }

  context(conversationId: string): TemplateConversationContext {
    const { language, ...facts } = conversationFacts(this.ctx.db, conversationId);
    return { conversationId, values: templateValues(facts), language, platform: facts.platform, defaultLanguage: this.settings().defaultLanguage };
  }

  renderForConversation(conversationId: string, templateIds?: readonly string[]): RenderedTemplate[] {
    const context = this.context(conversationId);
    const wanted = new Set(templateIds);
    const templates = templateIds ? this.list().filter((template) => wanted.has(template.id)) : this.list();
    return templates.flatMap((template) => {
      const variant = pickVariant(template.variants, context);
      if (!variant) return [];
      const { text, problem, unknownVariables } = renderTemplate(variant.body, context.values);
      return [{ templateId: template.id, language: variant.language, platform: variant.platform, text, problem, unknownVariables, withheld: withheldUses(variant.body, context.values) }];
    });
  }

  /**
   * A template rendered for a reply Pieuvre sends on its own, with nobody to read it first
   * (away replies; rules later): the stranger's values it may not repeat give way to the
   * template's defaults (see `renderAutomatic`). Null when there is no such template, or no version of it to send.
   */
  renderForAutomaticSend(conversationId: string, templateId: string): RenderedTemplate | null {
    const context = this.context(conversationId);
    const template = findTemplate(this.ctx.db, { id: templateId });
    const variant = template ? pickVariant(template.variants, context) : null;
    if (!variant) return null;
    const { text, problem, unknownVariables, withheld } = renderAutomatic(variant.body, context.values);
    return { templateId, language: variant.language, platform: variant.platform, text, problem, unknownVariables, withheld };
  }

  settings(): TemplateSettings {
    return { defaultLanguage: templateSettings(this.ctx.db).defaultLanguage };
  }

  setDefaultLanguage(language: string): TemplateSettings {
    setTemplateSettings(this.ctx.db, { defaultLanguage: language });
    return this.settings();
  }
}
