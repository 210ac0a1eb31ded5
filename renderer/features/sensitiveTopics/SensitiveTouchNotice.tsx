import { useTranslation } from 'react-i18next';
import { useSettledAnswer } from '../../lib/useSettledAnswer';
import { sensitiveWarningFor } from './sensitiveWarning';

/** How long typing pauses before the text is checked: not a call per key. */
const PAUSE_MS = 400;

/** Under a template's body: it touches an active sensitive topic, said while the person writes it. */
export function SensitiveTouchNotice({ text }: { text: string }) {
  const { t } = useTranslation();
  const warning = useSettledAnswer(text, () => sensitiveWarningFor(text, null), PAUSE_MS);
  if (warning?.kind !== 'touches') return null;
  return <p className="reply-arrived sensitive-notice" role="status">{t('sensitiveTopics.warning.template', { name: warning.name, word: warning.word })}</p>;
}
