import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/api/notes';
import { formatDateTime } from '../../lib/formatTime';
import { NoteText } from './NoteText';
import { useNotesStore } from './notesStore';

/** On top of a conversation handed to me: who, when and their note, until I answer or close it. */
export function HandOffBanner({ note, locale }: { note: Note; locale: string }) {
  const { t } = useTranslation();
  return (
    <section className="handoff-banner" aria-label={t('notes.handOffBanner')}>
      <p className="handoff-banner-head">
        <strong>{t('notes.handedToYou', { author: note.authorName || t('notes.formerTeammate') })}</strong>{' '}
        <time dateTime={new Date(note.createdAt).toISOString()}>{formatDateTime(note.createdAt, locale)}</time>
      </p>
      <NoteText note={note} />
      <button type="button" className="link-button" onClick={() => useNotesStore.getState().dismiss(note.id)}>{t('notes.dismiss')}</button>
    </section>
  );
}
