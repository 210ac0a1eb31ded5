import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../shared/domain/platform';
import { NoteComposer } from '../notes/NoteComposer';
import { useComposerMode, type ComposerMode } from './composerMode';
import { Composer } from './Composer';

const MODES: readonly ComposerMode[] = ['reply', 'note'];

/**
 * The box under a conversation, in one of two modes: Reply (to the customer, on the platform) or
 * Note (for the team, never sent). Note mode looks different all over, so nobody sends a note
 * to a customer by mistake. Another conversation opens in Reply mode.
 */
export function ComposerArea({ conversationId, platform }: { conversationId: string; platform: Platform }) {
  const { t } = useTranslation();
  const mode = useComposerMode((s) => s.mode);
  useEffect(() => () => useComposerMode.getState().setMode('reply'), [conversationId]);
  return (
    <div className={`composer-area is-${mode}`}>
      {/* Two toggle buttons, Tab reaches each (a radio group would want arrow keys); `r` and `n` switch from anywhere. */}
      <div className="composer-modes" role="group" aria-label={t('notes.modeLabel')}>
        {MODES.map((choice) => (
          <button key={choice} type="button" aria-pressed={mode === choice} className={mode === choice ? 'is-active' : undefined} onClick={() => useComposerMode.getState().writeIn(choice)}>
            {t(`notes.mode.${choice}`)}
          </button>
        ))}
      </div>
      {mode === 'reply' ? <Composer conversationId={conversationId} platform={platform} /> : <NoteComposer conversationId={conversationId} platform={platform} />}
    </div>
  );
}
