import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { controlCharacterProblem } from '../../lib/controlCharacterProblem';
import { focusList, focusListWhenShown } from '../inbox/focusList';
import { useInboxStore } from '../inbox/inboxStore';
import { useSearchStore } from './searchStore';

/** How long typing pauses before the search runs: a word typed at speed runs it once. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * Full-text search within the current view (accents and case ignored), run as the person types;
 * Enter hands the keyboard to the results. One way to clear it: the × button, or Escape; a second
 * Escape, in an empty field, goes back to the list.
 */
export function SearchBar() {
  const { t } = useTranslation();
  const current = useInboxStore((s) => s.filter.text) ?? '';
  const [text, setText] = useState(current);
  const field = useRef<HTMLInputElement>(null);
  // What this field last asked for, and that search while it runs: a newer answer is the store's to keep.
  const asked = useRef(current);
  const running = useRef<Promise<void>>(Promise.resolve());
  // A view chosen in the sidebar ends the search: the field says so. Its own searches change nothing here.
  useEffect(() => {
    if (current === asked.current) return;
    asked.current = current;
    setText(current);
  }, [current]);
  // Said here, in the person's language: the core would refuse it as invalid input.
  const problem = controlCharacterProblem(t, t('search.label'), text.trim());
  const search = (value: string) => {
    asked.current = value;
    running.current = useSearchStore.getState().search(value);
  };
  useEffect(() => {
    const value = text.trim();
    if (problem || value === asked.current) return;
    const timer = setTimeout(() => search(value), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, problem]);
  // Enter: the search now (no wait for the pause), then j, k, e work on the results at once; `/` comes back here.
  const submit = () => {
    if (problem) return;
    if (text.trim() !== asked.current) search(text.trim());
    void focusListWhenShown(running.current);
  };
  const clear = () => {
    setText('');
    if (current !== '') search('');
  };
  const leave = () => {
    if (document.querySelector('.conversation-list')) focusList();
    else field.current?.blur();
  };
  const describedBy = problem ? 'search-hint search-error' : 'search-hint';
  return (
    // A text field (a searchbox to assistive tech), not type="search": Chromium would add a second clear button and its own Escape.
    <form role="search" className="search-bar" onSubmit={(event) => { event.preventDefault(); submit(); }}>
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
