import { useTranslation } from 'react-i18next';
import type { ReplyCheck } from '../../../shared/api/replies';
import type { Platform } from '../../../shared/domain/platform';
import { localeOf } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/formatTime';
import { privateChannelKey } from './privateChannel';

/**
 * For a comment on a platform with private replies (Meta): answer it in public, or its author in
 * Messenger (Instagram: its direct messages), once and until 7 days after the comment. Two toggle buttons as the composer's modes
 * (Tab reaches each); what a private reply is, and until when, said under them.
 */
export function PrivateReplyChoice({ platform, privateReply, isPrivate, onChoose }: { platform: Platform; privateReply: NonNullable<ReplyCheck['privateReply']>; isPrivate: boolean; onChoose: (isPrivate: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const channel = t(privateChannelKey(platform));
  const choices = [
    { isPrivate: false, label: t('composer.replyPublicly') },
    { isPrivate: true, label: t('composer.replyPrivately', { channel }) },
  ];
  return (
    <div className="private-reply-choice">
      <div className="choice-toggles" role="group" aria-label={t('composer.replyHow')}>
        {choices.map((choice) => (
          <button key={choice.label} type="button" aria-pressed={isPrivate === choice.isPrivate} className={isPrivate === choice.isPrivate ? 'is-active' : undefined} onClick={() => onChoose(choice.isPrivate)}>
            {choice.label}
          </button>
        ))}
      </div>
      {isPrivate ? <p className="composer-note">{t('composer.privateNote', { channel, time: formatDateTime(privateReply.closesAt, localeOf(i18n.language)) })}</p> : null}
    </div>
  );
}
