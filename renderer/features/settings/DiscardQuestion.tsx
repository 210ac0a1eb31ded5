import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type DiscardQuestionProps = { name: string; onKeep(): void; onDiscard(): void };

/**
 * "Discard your changes to «name»?" before Settings drops a section's unsaved edits. Keep
 * editing has the focus, and Escape keeps editing too (it never reaches the dialog's own Escape).
 */
export function DiscardQuestion({ name, onKeep, onDiscard }: DiscardQuestionProps) {
  const { t } = useTranslation();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      className="unsaved-confirm"
      role="alertdialog"
      aria-labelledby="discard-question"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onKeep();
      }}
    >
      <p id="discard-question">{t('settings.unsaved.message', { name })}</p>
      <div className="dialog-actions">
        <button ref={keep} type="button" onClick={onKeep}>{t('settings.unsaved.keep')}</button>
        <button type="button" className="danger" onClick={onDiscard}>{t('settings.unsaved.discard')}</button>
      </div>
    </div>
  );
}
