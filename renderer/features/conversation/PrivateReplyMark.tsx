import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../shared/domain/platform';
import { privateChannelKey } from '../composer/privateChannel';

/** "Private reply (Messenger)": a reply that went to the comment's author, not under the comment, queued or sent. */
export function PrivateReplyMark({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  const channel = t(privateChannelKey(platform));
  return (
    <span className="chip private-reply" title={t('pane.privateReplyHint', { channel })}>
      {t('pane.privateReply', { channel })}
    </span>
  );
}
