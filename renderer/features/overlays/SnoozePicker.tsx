import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { snoozeUntil, type SnoozeChoice } from '../../lib/snoozeTimes';
import { triageTargets } from '../keyboard/runAction';
import { Dialog } from './Dialog';
import { useOverlayStore } from './overlayStore';

const CHOICES: SnoozeChoice[] = ['laterToday', 'tomorrowMorning', 'nextWeek'];

export function SnoozePicker() {
  const { t, i18n } = useTranslation();
  const targetIds = useOverlayStore((s) => s.targetIds);
  const [custom, setCustom] = useState('');
  const now = new Date();
  const snooze = (until: number) => {
    useOverlayStore.getState().close();
    void triageTargets({ kind: 'status', status: 'snoozed', snoozeUntil: until }, targetIds);
  };
  return (
    <Dialog title={t('snooze.title')}>
      <ul className="choice-list">
        {CHOICES.map((choice) => {
          const until = snoozeUntil(choice, now);
          return (
            <li key={choice}>
              <button type="button" onClick={() => snooze(until)}>
                {t(`snooze.${choice}`)} <span className="muted">{formatDateTime(until, localeOf(i18n.language))}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <form onSubmit={(event) => { event.preventDefault(); if (custom) snooze(new Date(custom).getTime()); }}>
        <label htmlFor="snooze-custom">{t('snooze.custom')}</label>
        <input id="snooze-custom" type="datetime-local" value={custom} onChange={(event) => setCustom(event.target.value)} />
        <div className="dialog-actions">
          <button type="button" onClick={() => useOverlayStore.getState().close()}>{t('snooze.cancel')}</button>
          <button type="submit" disabled={!custom || new Date(custom).getTime() <= Date.now()}>{t('snooze.confirm')}</button>
        </div>
      </form>
    </Dialog>
  );
}
