import { useLayoutEffect, useMemo, useRef, useState, type ChangeEvent, type Dispatch, type KeyboardEvent, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../shared/api/templates';
import { matchTemplates } from '../../../shared/templates/matchTemplates';
import { useListNavigation } from '../../lib/useListNavigation';
import { useToastStore } from '../toast/toastStore';
import { findSlashQuery, replaceSlashQuery, type SlashQuery } from './slashQuery';
import { useTemplatesStore } from './templatesStore';

const MAX_SHOWN = 8;

type Options = { conversationId: string; setText: Dispatch<SetStateAction<string>> };

/**
 * The composer's `/` picker: typing `/` at the start of the box or after a space opens it on the
 * templates that match what follows; arrows move, Enter inserts the template rendered for this
 * conversation in place of the `/query`, Escape closes it until the next `/`.
 */
export function useTemplatePicker({ conversationId, setText }: Options) {
  const { t } = useTranslation();
  const [slash, setSlash] = useState<SlashQuery | null>(null);
  const dismissedAt = useRef<number | null>(null);
  // Set at once (state lags a render): change and select events both follow the caret.
  const isOpen = useRef(false);
  const caretAfterInsert = useRef<number | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const templates = useTemplatesStore((s) => s.templates);
  const matches = useMemo(() => (slash && templates ? matchTemplates(templates, slash.query).slice(0, MAX_SHOWN) : []), [slash, templates]);
  const list = useListNavigation({
    count: matches.length,
    hasTextField: true,
    wraps: true,
    idOf: (index) => `template-option-${index}`,
    onChoose: (index) => {
      const chosen = matches[index];
      if (chosen) void insert(chosen);
    },
  });

  useLayoutEffect(() => {
    const caret = caretAfterInsert.current;
    if (caret === null || !textarea.current) return;
    caretAfterInsert.current = null;
    textarea.current.setSelectionRange(caret, caret);
  });

  const follow = (text: string, caret: number) => {
    const found = findSlashQuery(text, caret);
    if (found?.start !== dismissedAt.current) dismissedAt.current = null;
    const next = found && found.start !== dismissedAt.current ? found : null;
    if (next && !isOpen.current) open();
    if (next?.query !== slash?.query) list.setActive(0);
    isOpen.current = next !== null;
    setSlash(next);
  };

  const open = () => {
    const store = useTemplatesStore.getState();
    if (!store.templates) void store.load().catch(() => undefined);
    // Previews are a nicety: without them the picker still lists, and Enter renders again.
    void store.renderFor(conversationId).catch(() => undefined);
  };

  const close = () => {
    isOpen.current = false;
    setSlash(null);
  };

  const insert = async (template: Template) => {
    const token = slash;
    if (!token) return;
    close();
    try {
      const rendered = (await useTemplatesStore.getState().renderedFor(conversationId)).get(template.id);
      if (!rendered || rendered.problem) throw new Error(rendered?.problem?.message ?? template.name);
      setText((current) => {
        const next = replaceSlashQuery(current, token, rendered.text);
        if (!next) return current;
        caretAfterInsert.current = next.caret;
        return next.text;
      });
      void useTemplatesStore.getState().markUsed(template.id).catch(() => undefined);
    } catch (error) {
      useToastStore.getState().show('error', t('templates.insertFailed', { name: template.name, message: (error as Error).message }));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!slash || event.ctrlKey || event.metaKey || event.altKey) return false;
    if (event.key !== 'Escape') return list.onKeyDown(event);
    dismissedAt.current = slash.start;
    close();
    event.preventDefault();
    return true;
  };

  return {
    textarea,
    isOpen: slash !== null,
    query: slash?.query ?? '',
    matches,
    isLoading: templates === null,
    list,
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) => follow(event.target.value, event.target.selectionStart),
    onSelect: () => textarea.current && follow(textarea.current.value, textarea.current.selectionStart),
    onKeyDown,
    close,
  };
}

export type TemplatePickerState = ReturnType<typeof useTemplatePicker>;
