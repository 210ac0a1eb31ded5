import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_REASON_MAX } from '../../../shared/domain/moderation';
import { Dialog } from '../overlays/Dialog';
import { useOutboxStore } from '../outbox/outboxStore';
import { ModerationConsequences } from './ModerationConsequences';
import { useModerationStore } from './moderationStore';

/**
 * Asks before what cannot be taken back: delete, block, report. Cancel has the focus, so Enter
 * alone never deletes anything; a bulk states how many conversations it touches; a report takes
 * the person's reason for the platform's moderators.
 */
export function ConfirmModeration() {
  const { t } = useTranslation();
  const ask = useModerationStore((s) => s.confirming);
  const undoSeconds = useOutboxStore((s) => Math.round(s.undoSendMs / 1_000));
  const [reason, setReason] = useState('');
  if (!ask) return null;
  const { action, single, count, platforms } = ask;
  const title = single
    ? t(`moderation.confirm.title.${action}`, { author: single.author, platform: t(`platform.${single.platform}`) })
    : t(`moderation.confirm.bulkTitle.${action}`, { count });
  const store = useModerationStore.getState();
  return (
    <Dialog title={title}>
      <ModerationConsequences action={action} platforms={platforms} />
      {single ? null : <p className="muted">{t('moderation.bulkNote')}</p>}
      {action === 'report' ? (
        <>
          <label htmlFor="report-reason">{t('moderation.confirm.reason')}</label>
          <textarea id="report-reason" value={reason} maxLength={REPORT_REASON_MAX} rows={3} onChange={(event) => setReason(event.target.value)} />
        </>
      ) : null}
      {undoSeconds > 0 ? <p className="muted">{t('moderation.confirm.undoNote', { count: undoSeconds })}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={() => store.dismiss()}>{t('moderation.cancel')}</button>
        <button type="button" className="is-destructive" onClick={() => void store.confirm(reason)}>{t(`moderation.confirm.go.${action}`)}</button>
      </div>
    </Dialog>
  );
}
