import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../shared/api/outbox';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { PrivateReplyMark } from '../conversation/PrivateReplyMark';
import { ModerationStateText } from '../moderation/ModerationStateText';
import { useToastStore } from '../toast/toastStore';
import { isRetrying } from './isRetrying';
import { useOutboxStore } from './outboxStore';
import { useSecondsUntil } from './useSecondsUntil';

/** One send (a reply or a moderation action) and what can still be done with it: undo, edit, send now, retry, or settle a check. */
export function OutboxItemLine({ item, showsText }: { item: OutboxItem; showsText: boolean }) {
  const { t } = useTranslation();
  const store = useOutboxStore.getState();
  const act = (action: () => Promise<unknown>) => () => {
    action().catch((error: unknown) => useToastStore.getState().show('error', t('outbox.actionFailed', { message: (error as Error).message })));
  };
  // A moderation action has no text to edit. A reply that may already be on the platform can
  // only be tried again (Pieuvre looks there first): a new draft could double it.
  const isSettled = item.mayHaveReached && !item.moderation;
  const edit = item.moderation || isSettled ? null : <button type="button" onClick={act(() => store.editInComposer(item))}>{t('outbox.edit')}</button>;
  const cancel = (label: string) => (isSettled ? null : <button type="button" onClick={act(() => store.cancel(item.id))}>{label}</button>);
  // A reply in its undo delay: Undo here pulls it back into the composer, text and all, as the
  // toast's Undo does (it used to drop the text, under the same word).
  const undo = isSettled ? null : <button type="button" onClick={act(() => store.editInComposer(item))}>{t('outbox.undo')}</button>;
  let actions = null;
  if (item.state === 'queued' && item.heldFor !== null) {
    actions = (
      <>
        <button type="button" onClick={act(() => store.releaseHeld(item.id))}>{t('outbox.sendAnyway')}</button>
        <button type="button" onClick={act(() => store.cancel(item.id))}>{t('outbox.cancel')}</button>
      </>
    );
  } else if (item.state === 'queued') {
    const isScheduled = item.scheduledFor !== null;
    const isInUndoDelay = !isScheduled && !isRetrying(item) && !item.moderation;
    actions = isInUndoDelay ? (
      undo
    ) : (
      <>
        {isScheduled ? <button type="button" onClick={act(() => store.sendNow(item.id))}>{t('outbox.sendNow')}</button> : null}
        {edit}
        {cancel(t('outbox.cancel'))}
      </>
    );
  } else if (item.state === 'failed') {
    actions = (
      <>
        <button type="button" onClick={act(() => store.retry(item.id))}>{t('outbox.retry')}</button>
        {edit}
        {cancel(t('outbox.cancel'))}
      </>
    );
  } else if (item.state === 'needs_check') {
    actions = (
      <>
        <button type="button" onClick={act(() => store.markSent(item.id))}>{t('outbox.markSent')}</button>
        <button type="button" onClick={act(() => store.retry(item.id))}>{t('outbox.sendAgain')}</button>
        <button type="button" onClick={act(() => store.cancel(item.id))}>{t('outbox.cancel')}</button>
      </>
    );
  }
  return (
    <div className={`outbox-item is-${item.state}`} data-state={item.state}>
      {showsText ? (
        <p className="outbox-text">{item.moderation ? t(`moderation.describe.${item.moderation.action}`, { author: item.moderation.author }) : item.text}</p>
      ) : null}
      {item.isPrivateReply ? <PrivateReplyMark platform={item.platform} /> : null}
      {item.ruleName !== null ? <p className="outbox-by muted">{t('outbox.byRule', { name: item.ruleName })}</p> : null}
      <p className="outbox-state">
        {item.moderation ? <ModerationStateText item={item} target={item.moderation} /> : <OutboxStateText item={item} />}
      </p>
      {actions ? <div className="outbox-actions">{actions}</div> : null}
    </div>
  );
}

function OutboxStateText({ item }: { item: OutboxItem }) {
  const { t, i18n } = useTranslation();
  const secondsLeft = useSecondsUntil(item.notBefore);
  const time = (at: number | null) => (at === null ? '' : formatDateTime(at, localeOf(i18n.language)));
  const error = item.lastError ?? '';
  switch (item.state) {
    case 'queued':
      if (item.heldFor !== null) return <>{t('outbox.held', { topics: item.heldFor.join(', ') })}</>;
      if (item.accountToReconnect !== null) return <>{t('outbox.waitsForReconnect', { account: item.accountToReconnect })}</>;
      if (isRetrying(item)) return <>{t('outbox.retryAt', { time: time(item.notBefore), error })}</>;
      if (item.scheduledFor !== null) return <>{t('outbox.scheduledFor', { time: time(item.scheduledFor) })}</>;
      return <>{secondsLeft > 0 ? t('outbox.sendingIn', { count: secondsLeft }) : t('outbox.sending')}</>;
    case 'sending':
      return <>{t('outbox.sending')}</>;
    case 'failed':
      return <>{t('outbox.failed', { error })}</>;
    case 'needs_check':
      return <>{t('outbox.needsCheck', { platform: t(`platform.${item.platform}`) })}</>;
    case 'sent':
      return <>{t('outbox.sentAt', { time: time(item.sentAt) })}</>;
    case 'cancelled':
      return <>{t('outbox.cancelled')}</>;
  }
}
