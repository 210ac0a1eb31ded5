import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/domain/incomingItem';
import { isClickable } from '../../lib/linkify';

/** "Image: a latte on a counter", a link card's title, or the bare address when nothing describes it. */
function attachmentLabel(attachment: Attachment, t: TFunction): string {
  if (attachment.kind === 'link') return attachment.alt ?? attachment.url;
  const alt = attachment.alt?.trim();
  return alt ? t(`pane.attachment.${attachment.kind}`, { alt }) : t(`pane.attachment.${attachment.kind}NoAlt`);
}

/**
 * What came with a message, as links under its text. Nothing is loaded from the platform (a
 * remote image tells its server who looked, and when): a click opens it in the browser through
 * the app's link policy, exactly like a link in the text, and the same links stay text.
 */
export function MessageAttachments({ attachments }: { attachments: readonly Attachment[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <ul className="message-attachments" aria-label={t('pane.attachment.list')}>
      {attachments.map((attachment, index) => (
        <li key={index}>
          {isClickable(attachment.url) ? (
            <a href={attachment.url} title={attachment.url} target="_blank" rel="noopener noreferrer">{attachmentLabel(attachment, t)}</a>
          ) : (
            <span title={attachment.url}>{attachmentLabel(attachment, t)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
