import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/coreClient';
import { useConversationStore } from '../conversation/conversationStore';
import { useToastStore } from '../toast/toastStore';

/** Typing pauses this long before the draft is written: often enough to lose nothing, rarely enough to cost nothing. */
const SAVE_AFTER_MS = 500;

export type DraftKeeper = {
  /** When the core says this draft began (its clock); null while nothing is written. */
  startedAt: number | null;
  /** Writes what is typed now (leaving the box, the conversation or the page). */
  flush(): void;
  /** A send is under way: no save may land after it and bring the draft back. */
  holdForSend(): void;
  /** The reply was queued: the core cleared the draft with it. */
  queued(): void;
};

/**
 * Keeps the composer's text in the core as the person types: loaded when the conversation
 * opens (merged with any text already in the box, such as a reply pulled back), written after a
 * pause, at once when a draft begins, and when the box, the conversation or the page is left;
 * an emptied box clears it. Only the core's draft is the truth another window or a restart sees.
 */
export function useDraft(conversationId: string, text: string, setText: (update: (current: string) => string) => void): DraftKeeper {
  const { t } = useTranslation();
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const latest = useRef(text);
  // What the core holds: null until it was asked, so nothing is written over a draft not yet read.
  const saved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  latest.current = text;

  const cancelTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  const flush = useCallback(() => {
    cancelTimer();
    const value = latest.current;
    if (saved.current === null || value === saved.current) return;
    saved.current = value;
    const failed = (error: unknown) => useToastStore.getState().show('error', t('composer.draftNotKept', { message: (error as Error).message }));
    if (value.trim() === '') {
      setStartedAt(null);
      call('drafts.clear', { conversationId }).catch(failed);
    } else {
      // A draft cleared meanwhile by a send from another window starts again: the earlier start still holds here.
      call('drafts.save', { conversationId, text: value }).then((draft) => setStartedAt((current) => current ?? draft.startedAt), failed);
    }
  }, [conversationId, t]);

  useEffect(() => {
    let isCurrent = true;
    call('drafts.get', { conversationId }).then(
      (draft) => {
        if (!isCurrent) return;
        saved.current = draft?.text ?? '';
        if (draft === null) return;
        setStartedAt(draft.startedAt);
        // Text already in the box (a reply pulled back) goes after the kept draft: neither is lost.
        setText((current) => (current.trim() === '' || current === draft.text ? draft.text : `${draft.text}\n\n${current}`));
      },
      (error: unknown) => useToastStore.getState().show('error', t('composer.draftNotLoaded', { message: (error as Error).message })),
    );
    const onLeave = () => flush();
    window.addEventListener('pagehide', onLeave);
    return () => {
      isCurrent = false;
      window.removeEventListener('pagehide', onLeave);
      flush();
    };
  }, [conversationId, flush, setText, t]);

  // Another window sent its reply here, and with it cleared the draft this box still holds:
  // written again, or leaving the box would lose it.
  const hasDraft = useConversationStore((s) => (s.detail?.id === conversationId ? s.detail.hasDraft : undefined));
  useEffect(() => {
    if (hasDraft !== false || !saved.current) return;
    saved.current = '';
    flush();
  }, [hasDraft, flush]);

  useEffect(() => {
    if (saved.current === null || text === saved.current) return;
    cancelTimer();
    // The first words start the draft at once: its start is what later replies are compared with.
    if (saved.current.trim() === '' && text.trim() !== '') flush();
    else timer.current = setTimeout(flush, SAVE_AFTER_MS);
  }, [text, flush]);

  return {
    startedAt,
    flush,
    holdForSend: cancelTimer,
    queued() {
      cancelTimer();
      saved.current = '';
      setStartedAt(null);
    },
  };
}
