import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/coreClient';
import { Dialog } from '../overlays/Dialog';
import { useOverlayStore } from '../overlays/overlayStore';
import { useToastStore } from '../toast/toastStore';
import { useDutyStore } from './dutyStore';
import { draftOf, emptyDraft } from './scheduleDraft';
import { ScheduleEditor, useScheduleSaver } from './ScheduleEditor';

/** My hours: a time zone and ranges per weekday. The core validates; its message names what is wrong. */
export function HoursDialog() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(emptyDraft);
  const [error, setError] = useState<string | null>(null);
  const [acceptsUrgent, setAcceptsUrgent] = useState(false);
  const [isOnCall, setIsOnCall] = useState(false);
  // While a rota is in force it says who is on call; the checkbox would fight it.
  const [isRotaOnCall, setIsRotaOnCall] = useState(false);

  useEffect(() => {
    void call('duty.me', {}).then(({ schedule, acceptsUrgentOffDuty, isOnCall: onCall }) => {
      setAcceptsUrgent(acceptsUrgentOffDuty);
      setIsOnCall(onCall);
      if (schedule) setDraft(draftOf(schedule));
    });
    void call('team.onCall', {}).then(({ mode }) => setIsRotaOnCall(mode === 'rota'));
  }, []);

  const hours = useScheduleSaver(async (schedule) => {
    await call('duty.setSchedule', { schedule });
    await call('duty.setPreferences', { acceptsUrgentOffDuty: acceptsUrgent, ...(isRotaOnCall ? {} : { isOnCall }) });
    await useDutyStore.getState().load();
    useOverlayStore.getState().close();
    useToastStore.getState().show('info', t('hours.saved'));
  }, setError);

  return (
    <Dialog title={t('hours.title')}>
      <form className="hours-form" onSubmit={(event) => { event.preventDefault(); hours.submit(draft); }}>
        <ScheduleEditor draft={draft} onChange={setDraft} daysOff="vacation" />
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
        {error ? <p role="alert" className="form-error">{error}</p> : null}
        <div className="dialog-actions">
          <button type="button" onClick={hours.clear}>{t('hours.clear')}</button>
          <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('hours.cancel')}</button>
          <button type="submit">{t('hours.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
