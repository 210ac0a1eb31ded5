import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { controlCharacterProblem } from '../../lib/controlCharacterProblem';
import { useInboxStore } from '../inbox/inboxStore';
import { useSearchStore } from './searchStore';

/**
 * Full-text search within the current view (accents and case ignored). One way to clear it: the
 * × button, or Escape; a second Escape, in an empty field, goes back to the list.
 */
export function SearchBar() {
  const { t } = useTranslation();
  const current = useInboxStore((s) => s.filter.text) ?? '';
  const [text, setText] = useState(current);
  const field = useRef<HTMLInputElement>(null);
  // A view chosen in the sidebar ends the search: the field says so.
  useEffect(() => setText(current), [current]);
  // Said here, in the person's language: the core would refuse it as invalid input.
  const problem = controlCharacterProblem(t, t('search.label'), text.trim());
  // Enter hands the keyboard to the results (j, k, e work on them at once); `/` comes back here.
  const search = (value: string) => {
    if (!problem) void useSearchStore.getState().search(value.trim()).then(() => requestAnimationFrame(goToList));
  };
  const clear = () => {
    setText('');
    if (current !== '') void useSearchStore.getState().search('');
  };
  // The keyboard's home, the list, when it shows conversations.
  const goToList = () => document.querySelector<HTMLElement>('.conversation-list')?.focus();
  const leave = () => {
    if (document.querySelector('.conversation-list')) goToList();
    else field.current?.blur();
  };
  const describedBy = problem ? 'search-hint search-error' : 'search-hint';
  return (
    // A text field (a searchbox to assistive tech), not type="search": Chromium would add a second clear button and its own Escape.
    <form role="search" className="search-bar" onSubmit={(event) => { event.preventDefault(); search(text); }}>
      <label htmlFor="search-box" className="visually-hidden">{t('search.label')}</label>
      <input
        ref={field}
        id="search-box"
        type="text"
        role="searchbox"
        enterKeyHint="search"
        value={text}
        placeholder={t('search.placeholder')}
        title={t('search.hint')}
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/"
        aria-invalid={problem !== null}
        aria-describedby={describedBy}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          if (text !== '' || current !== '') clear();
          else leave();
        }}
      />
      <span id="search-hint" className="visually-hidden">{t('search.hint')}</span>
      {text !== '' || current !== '' ? (
        <button type="button" className="icon-button search-clear" aria-label={t('search.clear')} title={t('search.clear')} onClick={() => { clear(); field.current?.focus(); }}>×</button>
      ) : null}
      {problem ? <p id="search-error" role="alert" className="form-error">{problem}</p> : null}
    </form>
  );
}
