import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInboxStore } from '../inbox/inboxStore';

/** Full-text search over every message (accents and case ignored); the results become the list's view. */
export function SearchBar() {
  const { t } = useTranslation();
  const current = useInboxStore((s) => s.filter.text) ?? '';
  const [text, setText] = useState(current);
  const search = (value: string) => {
    const trimmed = value.trim();
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
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setText('');
            search('');
            (event.target as HTMLInputElement).blur();
          }
        }}
      />
      {current ? <button type="button" className="icon-button" aria-label={t('search.clear')} onClick={() => { setText(''); search(''); }}>×</button> : null}
    </form>
  );
}
