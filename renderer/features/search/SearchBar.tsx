import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findControlCharacter } from '../../../shared/text/plainText';
import { useInboxStore } from '../inbox/inboxStore';

/** Full-text search over every message (accents and case ignored); the results become the list's view. */
export function SearchBar() {
  const { t } = useTranslation();
  const current = useInboxStore((s) => s.filter.text) ?? '';
  const [text, setText] = useState(current);
  // Said here, in the person's language: the core would refuse it as invalid input.
  const controlCharacter = findControlCharacter(text.trim());
  const search = (value: string) => {
    const trimmed = value.trim();
    if (findControlCharacter(trimmed)) return;
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
        aria-invalid={controlCharacter !== null}
        aria-describedby={controlCharacter ? 'search-error' : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setText('');
            search('');
            (event.target as HTMLInputElement).blur();
          }
        }}
      />
      {controlCharacter ? <p id="search-error" role="alert" className="form-error">{t('search.controlCharacter', controlCharacter)}</p> : null}
      {current ? <button type="button" className="icon-button" aria-label={t('search.clear')} onClick={() => { setText(''); search(''); }}>×</button> : null}
    </form>
  );
}
