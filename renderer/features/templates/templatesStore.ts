import { create } from 'zustand';
import type { MethodInput } from '../../../shared/api/contract';
import type { RenderedTemplate, Template } from '../../../shared/api/templates';
import type { TemplatesFile } from '../../../shared/templates/templateSchema';
import { call } from '../../app/coreClient';

type Rendered = { conversationId: string; byId: ReadonlyMap<string, RenderedTemplate> };

type TemplatesState = {
  /** null until first needed: the composer's picker or the editor loads them. */
  templates: Template[] | null;
  defaultLanguage: string;
  /** Every template rendered for the conversation the picker last opened on. */
  rendered: Rendered | null;
  load(): Promise<Template[]>;
  /** Renders every template for a conversation afresh (its language may have changed): the picker's previews. */
  renderFor(conversationId: string): Promise<ReadonlyMap<string, RenderedTemplate>>;
  /** The texts the picker inserts: the last rendering for the conversation, or one under way. */
  renderedFor(conversationId: string): Promise<ReadonlyMap<string, RenderedTemplate>>;
  save(input: MethodInput<'templates.save'>): Promise<Template>;
  remove(id: string): Promise<void>;
  /** The template went into a reply: the picker ranks by use. */
  markUsed(id: string): Promise<void>;
  importFile(file: TemplatesFile): Promise<{ created: number; updated: number }>;
  exportFile(): Promise<TemplatesFile>;
  setDefaultLanguage(language: string): Promise<void>;
};

/** Templates as the core keeps them; every change is the core's, then refetched. */
export const useTemplatesStore = create<TemplatesState>((set, get) => {
  let rendering: { conversationId: string; promise: Promise<ReadonlyMap<string, RenderedTemplate>> } | null = null;
  const after = async <T>(action: Promise<T>): Promise<T> => {
    const result = await action;
    rendering = null;
    set({ rendered: null });
    await get().load();
    return result;
  };
  return {
    templates: null,
    defaultLanguage: 'fr',
    rendered: null,

    async load() {
      const [templates, settings] = await Promise.all([call('templates.list', {}), call('templates.settings', {})]);
      set({ templates, defaultLanguage: settings.defaultLanguage });
      return templates;
    },

    renderFor(conversationId) {
      if (rendering?.conversationId === conversationId) return rendering.promise;
      const promise = call('templates.renderForConversation', { conversationId })
        .then((list) => {
          const byId = new Map(list.map((rendered) => [rendered.templateId, rendered]));
          if (rendering?.promise === promise) set({ rendered: { conversationId, byId } });
          return byId;
        })
        .finally(() => {
          if (rendering?.promise === promise) rendering = null;
        });
      rendering = { conversationId, promise };
      return promise;
    },

    renderedFor(conversationId) {
      const { rendered } = get();
      if (rendering?.conversationId !== conversationId && rendered?.conversationId === conversationId) return Promise.resolve(rendered.byId);
      return get().renderFor(conversationId);
    },

    save: (input) => after(call('templates.save', input)),
    remove: (id) => after(call('templates.remove', { id })).then(() => undefined),
    async markUsed(id) {
      const used = await call('templates.used', { id });
      set({ templates: get().templates?.map((template) => (template.id === id ? used : template)) ?? null });
    },
    importFile: (file) => after(call('templates.import', { file })),
    exportFile: () => call('templates.export', {}),
    setDefaultLanguage: (language) => after(call('templates.setDefaultLanguage', { language })).then(() => undefined),
  };
});
