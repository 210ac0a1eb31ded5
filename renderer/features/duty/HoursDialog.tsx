import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schedule } from '../../../shared/schedule';
import { call } from '../../app/coreClient';
import { ReadFailed, useCoreRead } from '../../app/useCoreRead';
import { localeOf } from '../../i18n/i18n';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { useToastStore } from '../toast/toastStore';
import { useDutyStore } from './dutyStore';
import { OffNowQuestion } from './OffNowQuestion';
import { draftOf, officeHoursDraft, type ScheduleDraft } from './scheduleDraft';
import { ScheduleEditor, useScheduleCheck } from './ScheduleEditor';

/** Hours that would put me off duty at once, waiting for a yes: when they would bring me back. */
type OffNow = { schedule: Schedule; nextOnAt: number | null };

/**
 * My hours: a time zone and ranges per weekday, as saved, or office hours to start from. Hours
 * that would end my shift at once ask first; the core validates again and its refusal lands on the field.
 */
export function HoursDialog() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const form = useRef<HTMLFormElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const [draft, setDraft] = useState<ScheduleDraft | null>(null);
  const [offNow, setOffNow] = useState<OffNow | null>(null);
  const [acceptsUrgent, setAcceptsUrgent] = useState(false);
  const [isOnCall, setIsOnCall] = useState(false);
  const check = useScheduleCheck();

  const me = useCoreRead('duty.me', {});
  const onCall = useCoreRead('team.onCall', {});
  useEffect(() => {
    if (!me.value) return;
    setAcceptsUrgent(me.value.acceptsUrgentOffDuty);
    setIsOnCall(me.value.isOnCall);
    setDraft(me.value.schedule ? draftOf(me.value.schedule, locale) : officeHoursDraft(locale));
    // Read once, when the dialog opens: a language switched meanwhile does not rewrite what is typed.
  }, [me.value]);
  // While a rota is in force it says who is on call; the checkbox would fight it.
  const isRotaOnCall = onCall.value?.mode === 'rota';
  const failed = me.failure ?? onCall.failure;

  const save = (schedule: Schedule | null) => {
    const saving = async () => {
      await call('duty.setSchedule', { schedule });
      await call('duty.setPreferences', { acceptsUrgentOffDuty: acceptsUrgent, ...(isRotaOnCall ? {} : { isOnCall }) });
      await useDutyStore.getState().load();
      useOverlayStore.getState().close();
      useToastStore.getState().show('info', t('hours.saved'));
    };
    saving().catch((failure: unknown) => {
      setOffNow(null);
      check.refuse(failure);
    });
  };

  const submit = async (current: ScheduleDraft) => {
    const schedule = check.read(current, form.current);
    if (!schedule) return;
    if (useDutyStore.getState().status?.isOnDuty ?? true) {
      const after = await call('duty.previewSchedule', { schedule });
      if (!after.isOnDuty) return setOffNow({ schedule, nextOnAt: after.nextOnAt });
    }
    save(schedule);
  };

  return (
    <Dialog title={t('hours.title')} className="hours-dialog">
      {failed !== null ? (
        <>
          <ReadFailed message={t('hours.loadFailed', { message: failed })} retryLabel={t('errors.retry')} onRetry={() => {
            if (me.failure !== null) me.retry();
            if (onCall.failure !== null) onCall.retry();
          }} />
          <div className="dialog-actions">
            <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('hours.cancel')}</button>
          </div>
        </>
      ) : null}
      {draft === null ? null : (
        <form ref={form} className="hours-form" onSubmit={(event) => { event.preventDefault(); submit(draft).catch(check.refuse); }}>
          <ScheduleEditor draft={draft} onChange={(next) => { setOffNow(null); setDraft(next); }} daysOff="vacation" {...check.editorProps} />
          <label className="checkbox">
            <input type="checkbox" checked={acceptsUrgent} onChange={(event) => setAcceptsUrgent(event.target.checked)} /> {t('hours.acceptsUrgent')}
          </label>
          {isRotaOnCall ? (
            <p className="muted">{t('hours.onCallByRota')}</p>
          ) : (
            <label className="checkbox">
              <input type="checkbox" checked={isOnCall} onChange={(event) => setIsOnCall(event.target.checked)} /> {t('hours.onCall')}
            </label>
          )}
          {offNow ? (
            <OffNowQuestion timeZone={offNow.schedule.timeZone} nextOnAt={offNow.nextOnAt} onConfirm={() => save(offNow.schedule)} onBack={() => {
              setOffNow(null);
              // The question goes; the keyboard stays in the form, on Save, where it was.
              requestAnimationFrame(() => saveButton.current?.focus());
            }} />
          ) : (
            <div className="dialog-actions">
              <button type="button" onClick={() => save(null)}>{t('hours.clear')}</button>
              <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('hours.cancel')}</button>
              <button ref={saveButton} type="submit">{t('hours.save')}</button>
            </div>
          )}
        </form>
      )}
    </Dialog>
  );
}
