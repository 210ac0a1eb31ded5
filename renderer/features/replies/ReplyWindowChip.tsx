import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/domain/entities';
import { localeOf } from '../../i18n/i18n';
import { formatRelative } from '../../lib/formatTime';
import { useNow } from '../../lib/useNow';
import { replyWindowState, useReplyWindows } from './replyWindow';

const SOON_MS = 3 * 3_600_000;

/** "Reply window closes in 3 h": on DMs whose platform only takes an answer for so long. */
export function ReplyWindowChip({ conversation }: { conversation: Pick<Conversation, 'kind' | 'platform' | 'lastInboundAt'> }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const windows = useReplyWindows((s) => s.windows);
  const state = replyWindowState(conversation, windows, now);
  if (!state) return null;
  if (state.phase === 'closed') return <span className="chip reply-window is-closed">{t('replies.windowClosed')}</span>;
  const when = formatRelative(state.until, now, localeOf(i18n.language), t('time.now'));
  const isSoon = state.until - now < SOON_MS;
  const text = state.phase === 'open' ? t('replies.windowCloses', { when }) : t('replies.humanAgentCloses', { when });
  // In a narrow list row the chip ends in …: the whole sentence stays a hover away.
  return <span className={`chip reply-window${isSoon ? ' is-soon' : ''}`} title={text} data-truncate>{text}</span>;
}
