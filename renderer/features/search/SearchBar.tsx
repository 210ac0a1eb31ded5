import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { controlCharacterProblem } from '../../lib/controlCharacterProblem';
import { useInboxStore } from '../inbox/inboxStore';

/** Full-text search over every message (accents and case ignored); the results become the list's view. */
export function SearchBar() {
  const { t } = useTranslation();
  const current = useInboxStore((s) => s.filter.text) ?? '';
  const [text, setText] = useState(current);
  // Said here, in the person's language: the core would refuse it as invalid input.
  const problem = controlCharacterProblem(t, t('search.label'), text.trim());
  const search = (value: string) => {
    const trimmed = value.trim();
    if (problem) return;
    void useInboxStore.getState().setFilter({ text: trimmed === '' ? undefined : trimmed, status: trimmed === '' ? 'open' : undefined });
  };
  return (
    <form role="search" className="search-bar" onSubmit={(event) => { event.preventDefault(); search(text); }}>
      <label htmlFor="search-box" className="visually-hidden">{t('search.label')}</label>
      <input
        id="search-box"
        type="search"
        value={text}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'search-error' : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setText('');
            search('');
            (event.target as HTMLInputElement).blur();
          }
        }}
      />
      {problem ? <p id="search-error" role="alert" className="form-error">{problem}</p> : null}
      {current ? <button type="button" className="icon-button" aria-label={t('search.clear')} onClick={() => { setText(''); search(''); }}>×</button> : null}
    </form>
  );
}
