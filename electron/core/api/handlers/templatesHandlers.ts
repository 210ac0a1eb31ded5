import type { Handlers } from '../apiServer';
import type { TemplateService } from '../../templates/templateService';

type TemplatesMethods = Extract<keyof Handlers, `templates.${string}`>;

export function templatesHandlers(templates: TemplateService): Pick<Handlers, TemplatesMethods> {
  return {
    'templates.list': () => templates.list(),
    'templates.get': ({ id }) => templates.get(id),
    'templates.save': (input) => templates.save(input),
    'templates.remove': ({ id }) => templates.remove(id),
    'templates.used': ({ id }) => templates.used(id),
    'templates.export': () => templates.export(),
    'templates.import': ({ file }) => templates.import(file),
    'templates.renderForConversation': ({ conversationId, templateIds }) => templates.renderForConversation(conversationId, templateIds),
    'templates.context': ({ conversationId }) => templates.context(conversationId),
    'templates.settings': () => templates.settings(),
    'templates.setDefaultLanguage': ({ language }) => templates.setDefaultLanguage(language),
  };
}
