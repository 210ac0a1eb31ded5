import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OutboxItem, SendWhen } from '../../../shared/api/outbox';
import { localeOf } from '../../i18n/i18n';
import { useContactPanelStore } from '../contact/contactPanelStore';
import { formatZonedDateTime } from '../duty/zonedTime';
import { useDutyStore } from '../duty/dutyStore';
import { useOutboxStore } from '../outbox/outboxStore';
import { TEMPLATE_PICKER_ID, TemplatePicker } from '../templates/TemplatePicker';
import { useTemplatePicker } from '../templates/useTemplatePicker';
import { useToastStore } from '../toast/toastStore';
import type { Platform } from '../../../shared/domain/platform';
import { ReplyRules } from '../replies/ReplyRules';
import { useReplyCheck } from '../replies/useReplyCheck';
import { PrivateReplyChoice } from './PrivateReplyChoice';
import { SendOptions } from './SendOptions';
import { ReplyArrivedNotice } from './ReplyArrivedNotice';
import { useDraft } from './useDraft';
import { useRepliesArrived } from './useRepliesArrived';
import type { RepliesSince } from '../../../shared/api/drafts';
import { COMPOSER_ID, takeComposerFocusRequest } from './composerFocus';
import { SensitiveTopicWarning } from '../sensitiveTopics/SensitiveTopicWarning';
import { sensitiveWarningFor, type SensitiveWarning } from '../sensitiveTopics/sensitiveWarning';
import { CollisionQuestion } from '../presence/CollisionQuestion';
import { usePresenceStore } from '../presence/presenceStore';
import { teammateCollision, type Collision } from '../presence/teammateCollision';
import { WritingNotice } from '../presence/WritingNotice';

/**
 * Reply box; `/` opens the template picker. Ctrl/Cmd+Enter takes the default action: send
 * (held for the undo delay) on duty; off duty, "send at my next working time", so a reply
 * written at 23:00 lands at 09:00. Nothing written is lost: the text is the conversation's draft
 * in the core until it is queued, a failed queue keeps it, an undo puts it back. A reply reaching
 * the conversation from elsewhere meanwhile is said above the box, and Send asks once. In a team,
 * teammates writing here are said above the box, and Send asks first when one is, or replied
 * here in the last five minutes.
 */
export function Composer({ conversationId, platform }: { conversationId: string; platform: Platform }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [isQueueing, setIsQueueing] = useState(false);
  // One key per draft: a retried send after an unclear failure is the same reply, not a second one.
  const [draftKey, setDraftKey] = useState(() => crypto.randomUUID());
  const draft = useDraft(conversationId, text, setText);
  const replies = useRepliesArrived(conversationId, draft.startedAt, draftKey);
  // Send was pressed after a reply arrived from elsewhere: how it was to go, and what the person is told of.
  const [asking, setAsking] = useState<{ when: SendWhen; news: RepliesSince } | null>(null);
  // Send was pressed on a reply touching an active sensitive topic (or scheduled while one is).
  const [warning, setWarning] = useState<{ when: SendWhen; about: SensitiveWarning } | null>(null);
  // Send was pressed while a teammate writes here, or just replied.
  const [collision, setCollision] = useState<{ when: SendWhen; collision: Collision; askedAt: number } | null>(null);
  const status = useDutyStore((s) => s.status);
  const restored = useOutboxStore((s) => (s.restoredDraft?.conversationId === conversationId ? s.restoredDraft.text : null));
  const nextOnAt = status && !status.isOnDuty ? status.nextOnAt : null;
  const defaultWhen: SendWhen = nextOnAt !== null ? { kind: 'nextWorkingTime' } : { kind: 'now' };
  // Shift times read on the schedule's clock (with its zone's name when this computer is elsewhere).
  const time = (at: number) => formatZonedDateTime(t, at, status?.timeZone ?? null, localeOf(i18n.language));
  const picker = useTemplatePicker({ conversationId, setText });
  // A comment answered in private (Messenger), where the platform offers it: chosen anew for each conversation.
  const [isPrivate, setIsPrivate] = useState(false);
  useEffect(() => setIsPrivate(false), [conversationId]);
  // Checked for when the default action would send it: off duty, my next working time.
  const check = useReplyCheck(conversationId, text, nextOnAt, isPrivate);
  const problems = check?.problems ?? [];
  // A window closing before my next shift blocks only the scheduled send: "send now" still can.
  const blocksDefault = problems.length > 0;
  const blocksAll = problems.some((problem) => problem.code !== 'closes_before_send');

  const isWriting = text.trim() !== '';
  useEffect(() => {
    usePresenceStore.getState().setWriting(conversationId, isWriting);
    return () => usePresenceStore.getState().setWriting(conversationId, false);
  }, [conversationId, isWriting]);

  useEffect(() => {
    if (restored === null) return;
    const pulledBack = useOutboxStore.getState().takeRestoredDraft(conversationId);
    if (pulledBack !== null) setText((current) => (current.trim() ? `${current}\n\n${pulledBack}` : pulledBack));
  }, [restored, conversationId]);

  const queue = async (when: SendWhen) => {
    if (!text.trim() || isQueueing) return;
    setIsQueueing(true);
    draft.holdForSend();
    try {
      const item = await useOutboxStore.getState().send({ conversationId, text, idempotencyKey: draftKey, when, clearsDraft: true, privately: isPrivate });
      draft.queued();
      setText('');
      setIsPrivate(false);
      picker.close();
      setDraftKey(crypto.randomUUID());
      announceQueued(item, t, time);
    } catch (error) {
      useToastStore.getState().show('error', t('composer.failed', { message: (error as Error).message }));
    } finally {
      setIsQueueing(false);
    }
  };

  // The queue as of the latest render: what was typed while the core was asked goes too.
  const latestQueue = useRef(queue);
  latestQueue.current = queue;
  /** Asks first about an active sensitive topic; a check that fails never blocks a reply. */
  const send = async (when: SendWhen) => {
    if (!text.trim() || isQueueing || asking !== null || warning !== null || collision !== null) return;
    const about = await sensitiveWarningFor(text, when).catch(() => null);
    if (about) setWarning({ when, about });
    else await sendUnlessTeammate(when);
  };
  /** Asks first when a teammate writes here or just replied; a check that fails never blocks a reply. */
  const sendUnlessTeammate = async (when: SendWhen) => {
    const askedAt = Date.now();
    const found = await teammateCollision(conversationId, askedAt).catch(() => null);
    if (found) setCollision({ when, collision: found, askedAt });
    else await sendUnlessReplied(when);
  };
  /** Queues it, unless a reply arrived from elsewhere that the person was not asked about yet. */
  const sendUnlessReplied = async (when: SendWhen) => {
    // Asked now, not from the last event: the other reply may have landed a moment ago.
    const news = await replies.check().catch(() => replies.news);
    if (news.count > 0) setAsking({ when, news });
    else await latestQueue.current(when);
  };
  // `r` was pressed before this box was there: it takes the keyboard now.
  useEffect(() => {
    if (takeComposerFocusRequest()) picker.textarea.current?.focus();
  }, [picker.textarea]);
  const answer = (isSending: boolean) => {
    if (asking === null) return;
    replies.told(asking.news);
    setAsking(null);
    if (isSending) void queue(asking.when);
    else picker.textarea.current?.focus();
  };

  const answerWarning = (isSending: boolean) => {
    if (warning === null) return;
    setWarning(null);
    if (isSending) void sendUnlessTeammate(warning.when);
    else picker.textarea.current?.focus();
  };

  const answerCollision = (isSending: boolean) => {
    if (collision === null) return;
    setCollision(null);
    if (!isSending) return picker.textarea.current?.focus();
    // Sending over a teammate's reply was just agreed to: that reply is not asked about again.
    void replies.check().then(replies.told, () => undefined).then(() => latestQueue.current(collision.when));
  };

  const sendAsDefault = () => {
    if (!blocksDefault) void send(defaultWhen);
  };

  return (
    <form className="composer" onSubmit={(event) => { event.preventDefault(); sendAsDefault(); }}>
      {nextOnAt !== null ? <p className="composer-note">{t('composer.offDutyNote', { time: time(nextOnAt) })}</p> : null}
      {asking !== null || replies.news.count > 0 ? (
        <ReplyArrivedNotice isAsking={asking !== null} onSendAnyway={() => answer(true)} onCancel={() => answer(false)} />
      ) : null}
      <WritingNotice conversationId={conversationId} />
      {collision !== null ? <CollisionQuestion collision={collision.collision} askedAt={collision.askedAt} onSendAnyway={() => answerCollision(true)} onCancel={() => answerCollision(false)} /> : null}
      {warning !== null ? <SensitiveTopicWarning warning={warning.about} onSendAnyway={() => answerWarning(true)} onBack={() => answerWarning(false)} /> : null}
      {check?.privateReply ? <PrivateReplyChoice platform={platform} privateReply={check.privateReply} isPrivate={isPrivate} onChoose={setIsPrivate} /> : null}
      <label htmlFor={COMPOSER_ID} className="visually-hidden">{t('composer.label')}</label>
      <div className="composer-box">
        <TemplatePicker picker={picker} conversationId={conversationId} />
        <textarea
          id={COMPOSER_ID}
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
          // The contact card folded over a narrow window's side would cover the reply being written and Send.
          onFocus={() => useContactPanelStore.getState().fold()}
          onBlur={() => {
            picker.close();
            draft.flush();
          }}
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
        <SendOptions isDisabled={!text.trim() || isQueueing || blocksAll} isOffDuty={nextOnAt !== null} onChoose={(when) => void send(when)} />
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
  const toastId = toasts.showWithId('info', t('composer.queued', { count: Math.round(undoMs / 1_000) }), { action: { label: t('outbox.undo'), run: undo }, visibleMs: undoMs });
  useOutboxStore.getState().offeredUndo(item.id, toastId);
}
