import { useTranslation } from 'react-i18next';
import type { ReplyCheck, ReplyProblem } from '../../../shared/api/replies';
import type { Platform } from '../../../shared/domain/platform';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { privateChannelKey } from '../composer/privateChannel';

/** The counter says when the length is only a bound: over the limit at least, or within it at most. */
const meterKey = (check: ReplyCheck): string => (check.isLengthAtLeast ? 'replies.meterAtLeast' : check.isLengthAtMost ? 'replies.meterAtMost' : 'replies.meter');

/** Under the reply box: the length as the platform counts it, and why it would refuse the reply. */
export function ReplyRules({ check, platform }: { check: ReplyCheck; platform: Platform }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const number = new Intl.NumberFormat(locale);
  const platformName = t(`platform.${platform}`);
  const time = (at: number) => formatDateTime(at, locale);
  const describe = (problem: ReplyProblem): string => {
    switch (problem.code) {
      case 'too_long':
        // Bytes are not what a person counts: said so, with what weighs more.
        return t(check.lengthUnit === 'utf8-bytes' ? 'replies.tooLongBytes' : problem.isAtLeast ? 'replies.tooLongAtLeast' : 'replies.tooLong', { platform: platformName, length: number.format(problem.length), max: number.format(problem.max) });
      case 'window_closed':
        return t('replies.closed', { platform: platformName, time: time(problem.closedAt) });
      case 'closes_before_send':
        return t('replies.closesBeforeSend', { platform: platformName, time: time(problem.closesAt) });
      case 'needs_mention':
        return t('replies.needsMention', { handle: problem.handle });
      case 'comment_hidden':
        return t('replies.commentHidden', { platform: platformName });
      case 'private_reply_closed':
        return t('replies.privateClosed', { time: time(problem.closedAt) });
      case 'private_reply_used':
        return t('replies.privateUsed', { channel: t(privateChannelKey(platform)) });
      case 'private_reply_unavailable':
        return t('replies.privateUnavailable', { platform: platformName });
    }
  };
  const isOver = check.length > check.maxLength;
  return (
    <div className="reply-rules" aria-live="polite">
      <span className={`reply-meter${isOver ? ' is-over' : ''}`} title={t(`replies.unit.${check.lengthUnit}`)}>
        {t(meterKey(check), { length: number.format(check.length), max: number.format(check.maxLength) })}
      </span>
      {check.needsHumanAgent && check.window?.humanAgentClosesAt ? <p className="reply-note">{t('replies.humanAgent', { time: time(check.window.humanAgentClosesAt) })}</p> : null}
      {check.problems.map((problem) => (
        <p key={problem.code} className="reply-problem">{describe(problem)}</p>
      ))}
    </div>
  );
}
