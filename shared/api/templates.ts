import { z } from 'zod';
import type { Platform } from '../domain/platform';
import type { StrangerVariable } from '../templates/automaticRender';
import type { TemplateProblem } from '../templates/renderTemplate';
import { languageSchema, templateInputSchema, templatesFileSchema, type TemplateInput } from '../templates/templateSchema';
import type { TemplateValues } from '../templates/variables';
import { method } from './method';

const id = z.string().min(1).max(64);

/** A reply template as the picker and the editor show it. */
export type Template = TemplateInput & {
  id: string;
  usageCount: number;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
};

/** A template rendered for one conversation: the version it picked and the text, or why there is none. */
export type RenderedTemplate = {
  templateId: string;
  language: string;
  platform: Platform | null;
  text: string;
  problem: TemplateProblem | null;
  unknownVariables: string[];
  /** The stranger's values it repeats that an automatic reply would not (a link, an @…): the previews warn, a person may still send them. */
  withheld: StrangerVariable[];
};

/** What the editor previews a template against: a real conversation's values and what it picks by. */
export type TemplateConversationContext = {
  conversationId: string;
  values: TemplateValues;
  language: string | null;
  platform: Platform;
  defaultLanguage: string;
};

export type TemplateSettings = { defaultLanguage: string };

export const templatesContract = {
  /** Every template, most used first. */
  'templates.list': method<Template[]>()(z.strictObject({})),
  'templates.get': method<Template>()(z.strictObject({ id })),
  /**
   * Creates a template, or with an id replaces it (usage is kept). Refused with the field named:
   * a shortcut another template has, or a body that does not parse (with its line).
   */
  'templates.save': method<Template>()(templateInputSchema.extend({ id: id.optional() })),
  'templates.remove': method<{ removed: boolean }>()(z.strictObject({ id })),
  /** The template went into a reply: counts it and notes when, for the picker's order. */
  'templates.used': method<Template>()(z.strictObject({ id })),
  /** Every template as a file another workspace can import. */
  'templates.export': method<z.output<typeof templatesFileSchema>>()(z.strictObject({})),
  /** All or nothing: a template whose shortcut exists replaces that one; the others are added. */
  'templates.import': method<{ created: number; updated: number }>()(z.strictObject({ file: templatesFileSchema })),
  /** The templates (all, or those named) rendered for a conversation: what the composer inserts. */
  'templates.renderForConversation': method<RenderedTemplate[]>()(
    z.strictObject({ conversationId: id, templateIds: z.array(id).max(1_000).optional() }),
  ),
  'templates.context': method<TemplateConversationContext>()(z.strictObject({ conversationId: id })),
  'templates.settings': method<TemplateSettings>()(z.strictObject({})),
  'templates.setDefaultLanguage': method<TemplateSettings>()(z.strictObject({ language: languageSchema })),
};
