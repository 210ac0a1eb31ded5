import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Note } from '../../../shared/api/notes';
import type { Platform } from '../../../shared/domain/platform';
import { formatDateTime } from '../../lib/formatTime';
import { useAssignStore } from '../assign/assignStore';
import { useToastStore } from '../toast/toastStore';
import { NoteText } from './NoteText';
import { useNotesStore } from './notesStore';

/** Who wrote a note, in words: a rule by its name, a hand-off with whom it went to. */
function byline(note: Note, t: TFunction, myId: string | null): string {
  if (note.kind === 'rule') return t('notes.byRule', { rule: note.ruleName ?? '' });
  const author = note.isMine ? t('notes.you') : note.authorName || t('notes.formerTeammate');
  if (note.kind !== 'handoff') return author;
  const receiver = note.mentions[0];
  return receiver?.personId === myId ? t('notes.handOffToYou', { author }) : t('notes.handOffBy', { author, to: receiver?.name ?? '' });
}

/** An internal note in the thread: a tinted card that says it is not sent, deletable by its author after a confirmation. */
export function NoteCard({ note, platform, locale }: { note: Note; platform: Platform; locale: string }) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const myId = useAssignStore((s) => s.people.find((person) => person.isMe)?.id ?? null);
  const remove = () => {
    useNotesStore.getState().remove(note.id).then(
      () => useToastStore.getState().show('info', t('notes.deleted')),
      (error: unknown) => useToastStore.getState().show('error', t('notes.deleteFailed', { message: (error as Error).message })),
    );
  };
  return (
    <li className={`note-card note-${note.kind}`} data-note-kind={note.kind}>
      <div className="note-head">
        <span className="note-label">{t('notes.label', { platform: t(`platform.${platform}`) })}</span>
        <span className="note-author">{byline(note, t, myId)}</span>
        <time dateTime={new Date(note.createdAt).toISOString()}>{formatDateTime(note.createdAt, locale)}</time>
        {note.isMine && !isConfirming ? (
          <button type="button" className="link-button" onClick={() => setIsConfirming(true)}>{t('notes.delete')}</button>
        ) : null}
      </div>
      <NoteText note={note} />
      {isConfirming ? (
        <p className="note-confirm" role="group" aria-label={t('notes.confirmDelete')}>
          {t('notes.confirmDelete')} <button type="button" onClick={remove}>{t('notes.confirmYes')}</button>{' '}
          <button type="button" onClick={() => setIsConfirming(false)}>{t('notes.confirmNo')}</button>
        </p>
      ) : null}
    </li>
  );
}
