import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendWhen } from '../../../shared/api/outbox';

type Props = {
  isDisabled: boolean;
  /** Off duty the default is "at my next working time", so "now" becomes the alternative. */
  isOffDuty: boolean;
  onChoose: (when: SendWhen) => void;
};

/** The other ways to send: now (off duty), tomorrow morning, or a chosen date and time. */
export function SendOptions({ isDisabled, isOffDuty, onChoose }: Props) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const [at, setAt] = useState('');
  const choose = (when: SendWhen) => {
    if (menu.current) menu.current.open = false;
    onChoose(when);
  };
  // datetime-local speaks the machine's local time, which is the writer's.
  const chosen = at === '' ? NaN : new Date(at).getTime();
  return (
    <details className="send-options" ref={menu}>
      <summary aria-disabled={isDisabled}>{t('composer.moreOptions')}</summary>
      <div className="send-options-menu">
        {isOffDuty ? <button type="button" disabled={isDisabled} onClick={() => choose({ kind: 'now' })}>{t('composer.sendNow')}</button> : null}
        <button type="button" disabled={isDisabled} onClick={() => choose({ kind: 'tomorrowMorning' })}>{t('composer.tomorrowMorning')}</button>
        <label>
          {t('composer.pickTime')}
          <input type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
        </label>
        <button type="button" disabled={isDisabled || !(chosen > Date.now())} onClick={() => choose({ kind: 'at', at: chosen })}>{t('composer.schedule')}</button>
      </div>
    </details>
  );
}
