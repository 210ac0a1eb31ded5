import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConversationStore } from '../conversation/conversationStore';
import { useOutboxStore } from '../outbox/outboxStore';
import { SendAnywayQuestion } from './SendAnywayQuestion';

type Props = {
  /** Send was pressed after the reply arrived: the question is asked, once. */
  isAsking: boolean;
  onSendAnyway: () => void;
  onCancel: () => void;
};

const NOTICE_ID = 'reply-arrived-notice';

/**
 * Above the composer: a reply reached this conversation from elsewhere while the person wrote.
 * Asking, it is a SendAnywayQuestion.
 */
export function ReplyArrivedNotice({ isAsking, onSendAnyway, onCancel }: Props) {
  const { t } = useTranslation();
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
  const notice = <p id={NOTICE_ID}>{t('composer.replyArrived')}</p>;
  if (!isAsking) {
    return <div ref={box} className="reply-arrived" role="status">{notice}</div>;
  }
  return (
    <SendAnywayQuestion
        boxRef={box}
        className="reply-arrived"
        describedById={NOTICE_ID}
        question={t('composer.sendAnywayQuestion')}
        sendLabel={t('composer.sendAnyway')}
        cancelLabel={t('composer.sendAnywayCancel')}
        onSendAnyway={onSendAnyway}
        onCancel={onCancel}
      >
        {notice}
    </SendAnywayQuestion>
  );
}
