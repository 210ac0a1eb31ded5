import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sensitiveWarningFor, type SensitiveWarning } from './sensitiveWarning';

/** How long typing pauses before the text is checked: not a call per key. */
const PAUSE_MS = 400;

/** Under a template's body: it touches an active sensitive topic, said while the person writes it. */
export function SensitiveTouchNotice({ text }: { text: string }) {
  const { t } = useTranslation();
  const [warning, setWarning] = useState<SensitiveWarning | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => {
      sensitiveWarningFor(text, null).then(
        (found) => isCurrent && setWarning(found),
        () => isCurrent && setWarning(null),
      );
    }, PAUSE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [text]);
  if (warning?.kind !== 'touches') return null;
  return <p className="reply-arrived sensitive-notice" role="status">{t('sensitiveTopics.warning.template', { name: warning.name, word: warning.word })}</p>;
}
