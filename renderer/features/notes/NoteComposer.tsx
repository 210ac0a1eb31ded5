import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_TEXT_MAX } from '../../../shared/api/notes';
import type { Platform } from '../../../shared/domain/platform';
import { useAssignStore } from '../assign/assignStore';
import { useContactPanelStore } from '../contact/contactPanelStore';
import { COMPOSER_ID, takeComposerFocusRequest } from '../composer/composerFocus';
import { useToastStore } from '../toast/toastStore';
import { MENTION_PICKER_ID, MentionPicker } from './MentionPicker';
import { useNotesStore } from './notesStore';
import { useMentionPicker } from './useMentionPicker';

/**
 * The composer's Note mode: a note for the team, never sent to the platform. No platform
 * limits, no send delay; `@` names a teammate, who is told once on duty.
 */
export function NoteComposer({ conversationId, platform }: { conversationId: string; platform: Platform }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [isSaving, setIsSaving] = useState(false);
  const picker = useMentionPicker(setText);
  useEffect(() => {
    // The teammates the @ picker offers: asked again, they may have changed.
    void useAssignStore.getState().load().catch(() => undefined);
    if (takeComposerFocusRequest()) picker.textarea.current?.focus();
  }, [picker.textarea]);

  const add = async () => {
    if (!text.trim() || isSaving) return;
    setIsSaving(true);
    try {
      await useNotesStore.getState().add(conversationId, text);
      setText('');
      // The note is the thread's newest line: shown above the box, as a sent reply would be.
      requestAnimationFrame(() => {
        const pane = document.getElementById('conversation-pane');
        if (pane) pane.scrollTop = pane.scrollHeight;
      });
      useToastStore.getState().show('info', t('notes.added'));
    } catch (error) {
      useToastStore.getState().show('error', t('notes.addFailed', { message: (error as Error).message }));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="composer" onSubmit={(event) => { event.preventDefault(); void add(); }}>
      <p className="composer-note note-mode-note">{t('notes.notSent', { platform: t(`platform.${platform}`) })}</p>
      <label htmlFor={COMPOSER_ID} className="visually-hidden">{t('notes.boxLabel')}</label>
      <div className="composer-box">
        <MentionPicker picker={picker} />
        <textarea
          id={COMPOSER_ID}
          ref={picker.textarea}
          value={text}
          rows={3}
          maxLength={NOTE_TEXT_MAX}
          placeholder={t('notes.placeholder')}
          aria-autocomplete="list"
          aria-controls={picker.isOpen ? MENTION_PICKER_ID : undefined}
          aria-activedescendant={picker.isOpen ? picker.list.activeId : undefined}
          onChange={(event) => {
            setText(event.target.value);
            picker.follow();
          }}
          onSelect={picker.follow}
          // The contact card folded over a narrow window's side would cover the note being written and its button.
          onFocus={() => useContactPanelStore.getState().fold()}
          onBlur={picker.close}
          onKeyDown={(event) => {
            if (picker.onKeyDown(event)) return;
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void add();
            } else if (event.key === 'Escape') {
              (event.target as HTMLTextAreaElement).blur();
            }
          }}
        />
      </div>
      <div className="composer-actions">
        <button type="submit" className="primary note-submit" disabled={!text.trim() || isSaving}>{t('notes.add')}</button>
      </div>
    </form>
  );
}
