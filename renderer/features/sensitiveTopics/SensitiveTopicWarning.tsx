import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SensitiveWarning } from './sensitiveWarning';

const TEXT_ID = 'sensitive-warning-text';

/**
 * Asked before a reply that touches an active sensitive topic (or is scheduled while one is)
 * goes: Back takes the focus, so Enter alone never sends it unread; Escape is Back.
 */
export function SensitiveTopicWarning({ warning, onSendAnyway, onBack }: { warning: SensitiveWarning; onSendAnyway: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  const text = warning.kind === 'touches' ? t('sensitiveTopics.warning.touches', { name: warning.name, word: warning.word }) : t('sensitiveTopics.warning.scheduled', { name: warning.name });
  return (
    <div
      className="reply-arrived is-asking sensitive-warning"
      role="alertdialog"
      aria-label={t('sensitiveTopics.warning.title')}
      aria-describedby={TEXT_ID}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onBack();
        if (!['Tab', 'Enter', ' '].includes(event.key)) event.preventDefault();
      }}
    >
      <p id={TEXT_ID}>{text}</p>
      <p className="reply-arrived-question">{t('sensitiveTopics.warning.question')}</p>
      <div className="reply-arrived-actions">
        <button type="button" ref={back} onClick={onBack}>{t('sensitiveTopics.warning.back')}</button>
        <button type="button" className="primary" onClick={onSendAnyway}>{t('sensitiveTopics.warning.sendAnyway')}</button>
      </div>
    </div>
  );
}
