import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/i18n';
import { formatClockTime } from '../../lib/formatTime';
import { useNow } from '../../lib/useNow';
import { formatDuration } from './ledgerFormat';
import { useWellbeingStore } from './wellbeingStore';

/** Instead of the app while I take a break: calm, no counts, minutes rather than a ticking clock. */
export function BreakScreen() {
  const { t, i18n } = useTranslation();
  const activeBreak = useWellbeingStore((s) => s.activeBreak);
  const now = useNow();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  if (!activeBreak) return null;
  const locale = localeOf(i18n.language);
  const time = formatClockTime(activeBreak.startedAt, locale);
  return (
    <main ref={ref} className="break-screen" aria-labelledby="break-title" tabIndex={-1}>
      <div className="break-circle" aria-hidden="true" />
      <h1 id="break-title">{t('wellbeing.onBreak.title')}</h1>
      <p>{t('wellbeing.onBreak.body')}</p>
      <p className="muted">{t('wellbeing.onBreak.elapsed', { time, duration: formatDuration(Math.max(0, now - activeBreak.startedAt), locale) })}</p>
      <button type="button" className="primary" onClick={() => void useWellbeingStore.getState().endBreak()}>{t('wellbeing.onBreak.back')}</button>
    </main>
  );
}
