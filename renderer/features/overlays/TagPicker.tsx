import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldText } from '../../../shared/text/foldText';
import { controlCharacterProblem } from '../../lib/controlCharacterProblem';
import { useListNavigation } from '../../lib/useListNavigation';
import { useConversationStore } from '../conversation/conversationStore';
import { useInboxStore } from '../inbox/inboxStore';
import { triageTargets } from '../keyboard/runAction';
import { Dialog } from './Dialog';
import { useOverlayStore } from './overlayStore';

const MAX_SUGGESTED = 8;

/**
 * `#`: a combobox (the WAI-ARIA pattern): the tag's name, with the tags already in use that
 * match it below; ↓/↑ pick one of them, Enter adds it, or what was typed when none is picked.
 */
export function TagPicker() {
  const { t } = useTranslation();
  const targetIds = useOverlayStore((s) => s.targetIds);
  const tags = useInboxStore((s) => s.tags);
  const [name, setName] = useState('');
  const problem = controlCharacterProblem(t, t('tagPicker.placeholder'), name.trim());
  const typed = foldText(name.trim().replace(/^#/u, ''));
  const suggested = tags.filter((tag) => foldText(tag.name).includes(typed)).slice(0, MAX_SUGGESTED);
  const add = async (text: string) => {
    const tag = text.trim().replace(/^#/u, '');
    if (!tag || controlCharacterProblem(t, t('tagPicker.placeholder'), tag)) return;
    useOverlayStore.getState().close();
    await triageTargets({ kind: 'tag', add: [tag] }, targetIds);
    await Promise.all([useInboxStore.getState().refreshSidebar(), useConversationStore.getState().reload()]);
  };
  const list = useListNavigation({
    count: suggested.length,
    hasTextField: true,
    canBeNone: true,
    initial: -1,
    idOf: (index) => `tag-option-${index}`,
    onChoose: (index) => void add(suggested[index]?.name ?? ''),
  });
  return (
    <Dialog title={t('tagPicker.title')}>
      <form onSubmit={(event) => { event.preventDefault(); void add(name); }}>
        <label htmlFor="tag-name" className="visually-hidden">{t('tagPicker.placeholder')}</label>
        <input
          id="tag-name"
          role="combobox"
          aria-expanded={suggested.length > 0}
          aria-controls="known-tags"
          aria-autocomplete="list"
          aria-activedescendant={list.activeId}
          value={name}
          placeholder={t('tagPicker.placeholder')}
          autoComplete="off"
          aria-invalid={problem !== null}
          onChange={(event) => { setName(event.target.value); list.setActive(-1); }}
          onKeyDown={list.onKeyDown}
        />
        {problem ? <p role="alert" className="form-error">{problem}</p> : null}
        <ul id="known-tags" className="choice-list" aria-label={t('tagPicker.known')} role="listbox" hidden={suggested.length === 0}>
          {suggested.map((tag, index) => (
            <li key={tag.name} {...list.optionProps(index)}>#{tag.name}</li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('tagPicker.cancel')}</button>
          <button type="submit" disabled={!name.trim() || problem !== null}>{t('tagPicker.add')}</button>
        </div>
      </form>
    </Dialog>
  );
}
