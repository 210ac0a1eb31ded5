import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { snoozeUntil, type SnoozeChoice } from '../../lib/snoozeTimes';
import { useListNavigation } from '../../lib/useListNavigation';
import { triageTargets } from '../keyboard/runAction';
import { Dialog } from './Dialog';
import { useOverlayStore } from './overlayStore';

const CHOICES: SnoozeChoice[] = ['laterToday', 'tomorrowMorning', 'nextWeek'];

/** `s`: a listbox of the usual times (arrows, Home/End, first letters, Enter or Space), or a date and time of one's own. */
export function SnoozePicker() {
  const { t, i18n } = useTranslation();
  const targetIds = useOverlayStore((s) => s.targetIds);
  const [custom, setCustom] = useState('');
  const now = new Date();
  const snooze = (until: number) => {
    useOverlayStore.getState().close();
    void triageTargets({ kind: 'status', status: 'snoozed', snoozeUntil: until }, targetIds);
  };
  const list = useListNavigation({
    count: CHOICES.length,
    labels: CHOICES.map((choice) => t(`snooze.${choice}`)),
    idOf: (index) => `snooze-option-${index}`,
    onChoose: (index) => {
      const choice = CHOICES[index];
      if (choice) snooze(snoozeUntil(choice, now));
    },
  });
  return (
    <Dialog title={t('snooze.title')}>
      <ul className="choice-list" aria-label={t('snooze.title')} {...list.listProps}>
        {CHOICES.map((choice, index) => (
          <li key={choice} {...list.optionProps(index)}>
            {t(`snooze.${choice}`)} <span className="muted">{formatDateTime(snoozeUntil(choice, now), localeOf(i18n.language))}</span>
          </li>
        ))}
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
