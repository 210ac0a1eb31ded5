import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConversationStore } from '../conversation/conversationStore';
import { useOutboxStore } from '../outbox/outboxStore';

type Props = {
  /** Send was pressed after the reply arrived: the question is asked, once. */
  isAsking: boolean;
  onSendAnyway: () => void;
  onCancel: () => void;
};

const NOTICE_ID = 'reply-arrived-notice';

/**
 * Above the composer: a reply reached this conversation from elsewhere while the person wrote.
 * Asking, Cancel takes the focus (as the app's other questions do), so Enter alone never sends
 * a second answer unread; Escape is Cancel. Keys typed here are not shortcuts for the list.
 */
export function ReplyArrivedNotice({ isAsking, onSendAnyway, onCancel }: Props) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const lastMessageId = useConversationStore((s) => s.detail?.messages.at(-1)?.id);
  const waitingCount = useOutboxStore((s) => s.conversationItems.length);
  // The reply it speaks of is at the end of the thread (sent, or waiting to be), just above: the
  // person is writing at the bottom, not reading higher up, so showing it moves nothing they
  // were looking at. A waiting reply that goes out moves to the thread: shown again there.
  useEffect(() => {
    const pane = box.current?.closest('.conversation-pane');
    pane?.scrollTo({ top: pane.scrollHeight });
  }, [lastMessageId, waitingCount]);
  useEffect(() => {
    if (isAsking) cancel.current?.focus();
  }, [isAsking]);
  const notice = <p id={NOTICE_ID}>{t('composer.replyArrived')}</p>;
  if (!isAsking) {
    return <div ref={box} className="reply-arrived" role="status">{notice}</div>;
  }
  return (
    <div
      ref={box}
      className="reply-arrived is-asking"
      role="alertdialog"
      aria-labelledby="reply-arrived-question"
      aria-describedby={NOTICE_ID}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
        if (!['Tab', 'Enter', ' '].includes(event.key)) event.preventDefault();
      }}
    >
      {notice}
      <p id="reply-arrived-question" className="reply-arrived-question">{t('composer.sendAnywayQuestion')}</p>
      <div className="reply-arrived-actions">
        <button type="button" ref={cancel} onClick={onCancel}>{t('composer.sendAnywayCancel')}</button>
        <button type="button" className="primary" onClick={onSendAnyway}>{t('composer.sendAnyway')}</button>
      </div>
    </div>
  );
}
