import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OutboxItem, SendWhen } from '../../../shared/api/outbox';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { useDutyStore } from '../duty/dutyStore';
import { useOutboxStore } from '../outbox/outboxStore';
import { TEMPLATE_PICKER_ID, TemplatePicker } from '../templates/TemplatePicker';
import { useTemplatePicker } from '../templates/useTemplatePicker';
import { useToastStore } from '../toast/toastStore';
import type { Platform } from '../../../shared/domain/platform';
import { ReplyRules } from '../replies/ReplyRules';
import { useReplyCheck } from '../replies/useReplyCheck';
import { SendOptions } from './SendOptions';

/**
 * Reply box; `/` opens the template picker. Ctrl/Cmd+Enter takes the default action: send
 * (held for the undo delay) on duty; off duty, "send at my next working time", so a reply
 * written at 23:00 lands at 09:00. Nothing written is lost: a failed queue keeps the text, an
 * undo puts it back.
 */
export function Composer({ conversationId, platform }: { conversationId: string; platform: Platform }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [isQueueing, setIsQueueing] = useState(false);
  // One key per draft: a retried send after an unclear failure is the same reply, not a second one.
  const [draftKey, setDraftKey] = useState(() => crypto.randomUUID());
  const status = useDutyStore((s) => s.status);
  const restored = useOutboxStore((s) => (s.restoredDraft?.conversationId === conversationId ? s.restoredDraft.text : null));
  const nextOnAt = status && !status.isOnDuty ? status.nextOnAt : null;
  const defaultWhen: SendWhen = nextOnAt !== null ? { kind: 'nextWorkingTime' } : { kind: 'now' };
  const time = (at: number) => formatDateTime(at, localeOf(i18n.language));
  const picker = useTemplatePicker({ conversationId, setText });
  // Checked for when the default action would send it: off duty, my next working time.
  const check = useReplyCheck(conversationId, text, nextOnAt);
  const problems = check?.problems ?? [];
  // A window closing before my next shift blocks only the scheduled send: "send now" still can.
  const blocksDefault = problems.length > 0;
  const blocksAll = problems.some((problem) => problem.code !== 'closes_before_send');

  useEffect(() => {
    if (restored === null) return;
    const draft = useOutboxStore.getState().takeRestoredDraft(conversationId);
    if (draft !== null) setText((current) => (current.trim() ? `${current}\n\n${draft}` : draft));
  }, [restored, conversationId]);

  const queue = async (when: SendWhen) => {
    if (!text.trim() || isQueueing) return;
    setIsQueueing(true);
    try {
      const item = await useOutboxStore.getState().send({ conversationId, text, idempotencyKey: draftKey, when });
      setText('');
      picker.close();
      setDraftKey(crypto.randomUUID());
      announceQueued(item, t, time);
    } catch (error) {
      useToastStore.getState().show('error', t('composer.failed', { message: (error as Error).message }));
    } finally {
      setIsQueueing(false);
    }
  };

  const sendAsDefault = () => {
    if (!blocksDefault) void queue(defaultWhen);
  };

  return (
    <form className="composer" onSubmit={(event) => { event.preventDefault(); sendAsDefault(); }}>
      {nextOnAt !== null ? <p className="composer-note">{t('composer.offDutyNote', { time: time(nextOnAt) })}</p> : null}
      <label htmlFor="composer-text" className="visually-hidden">{t('composer.label')}</label>
      <div className="composer-box">
        <TemplatePicker picker={picker} conversationId={conversationId} />
        <textarea
          id="composer-text"
          ref={picker.textarea}
          value={text}
          rows={3}
          placeholder={t('composer.placeholder')}
          aria-autocomplete="list"
          aria-controls={picker.isOpen ? TEMPLATE_PICKER_ID : undefined}
          aria-activedescendant={picker.isOpen ? picker.list.activeId : undefined}
          onChange={(event) => {
            setText(event.target.value);
            picker.onChange(event);
          }}
          onSelect={picker.onSelect}
          onBlur={picker.close}
          onKeyDown={(event) => {
            if (picker.onKeyDown(event)) return;
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              sendAsDefault();
            } else if (event.key === 'Escape') {
              (event.target as HTMLTextAreaElement).blur();
            }
          }}
        />
      </div>
      {check && text.trim() ? <ReplyRules check={check} platform={platform} /> : null}
      <div className="composer-actions">
        <button type="submit" className="primary" disabled={!text.trim() || isQueueing || blocksDefault}>
          {nextOnAt !== null ? t('composer.sendLater') : t('composer.send')}
        </button>
        <SendOptions isDisabled={!text.trim() || isQueueing || blocksAll} isOffDuty={nextOnAt !== null} onChoose={(when) => void queue(when)} />
      </div>
    </form>
  );
}

/** Says what will happen: "sending in 10 s" with Undo, or when a scheduled reply goes. */
function announceQueued(item: OutboxItem, t: TFunction, time: (at: number) => string) {
  const toasts = useToastStore.getState();
  if (item.scheduledFor !== null) {
    toasts.show('info', t('composer.scheduled', { time: time(item.scheduledFor) }));
    return;
  }
  const undoMs = item.notBefore - item.createdAt;
  if (undoMs <= 0) {
    toasts.show('info', t('composer.sending'));
    return;
  }
  const undo = () => {
    useOutboxStore.getState().editInComposer(item).then(
      () => toasts.show('info', t('composer.undone')),
      (error: unknown) => toasts.show('error', t('outbox.actionFailed', { message: (error as Error).message })),
    );
  };
  toasts.show('info', t('composer.queued', { count: Math.round(undoMs / 1_000) }), { action: { label: t('outbox.undo'), run: undo }, visibleMs: undoMs });
}
