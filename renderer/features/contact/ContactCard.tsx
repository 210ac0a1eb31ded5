import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/domain/entities';
import { call } from '../../app/coreClient';
import { localeOf } from '../../i18n/i18n';
import { formatDate } from '../../lib/formatTime';
import { useConversationStore } from '../conversation/conversationStore';
import { showConversation } from '../conversation/showConversation';
import { PlatformIcon } from '../sidebar/PlatformIcon';
import { BlockedBadge } from './BlockedBadge';
import { useContactPanelStore } from './contactPanelStore';

/** Who wrote in: name, handle, platform, first seen, and their other conversations. */
export function ContactCard() {
  const { t, i18n } = useTranslation();
  const detail = useConversationStore((s) => s.detail);
  const [others, setOthers] = useState<Conversation[]>([]);
  const contactId = detail?.contact.id;
  const openId = detail?.id;

  useEffect(() => {
    let isCurrent = true;
    if (!contactId) {
      setOthers([]);
      return;
    }
    void call('conversations.list', { contactId, limit: 10 }).then((page) => {
      if (isCurrent) setOthers(page.items.filter((conversation) => conversation.id !== openId));
    });
    return () => {
      isCurrent = false;
    };
  }, [contactId, openId]);

  const folded = useFoldedPanel();
  if (!detail) return <aside id="contact-card" className="contact-card" aria-label={t('contact.label')} />;
  const { contact } = detail;
  const locale = localeOf(i18n.language);
  return (
    <aside id="contact-card" className="contact-card" aria-label={t('contact.label')} onKeyDown={folded.onKeyDown}>
      <button ref={folded.closeButton} type="button" className="icon-button contact-close" aria-label={t('contact.close')} title={t('contact.close')} onClick={() => folded.close()}>×</button>
      <div className="contact-head">
        <PlatformIcon platform={contact.platform} />
        <div>
          <h2>{contact.name || contact.handle}</h2>
          <p className="muted">{contact.handle}</p>
        </div>
      </div>
      {contact.blockedAt !== null ? (
        <p className="contact-blocked">
          <BlockedBadge contact={contact} /> {t('contact.blockedSince', { platform: t(`platform.${contact.platform}`), date: formatDate(contact.blockedAt, locale) })}
        </p>
      ) : null}
      {contact.followerCount !== null ? (
        <p>{t('contact.followers', { count: contact.followerCount })}</p>
      ) : null}
      <p className="muted">{t('contact.firstSeen', { date: formatDate(contact.firstSeenAt, locale) })}</p>
      <h3>{t('contact.others')}</h3>
      {others.length === 0 ? (
        <p className="muted">{t('contact.noOthers')}</p>
      ) : (
        <ul className="contact-others">
          {others.map((conversation) => (
            <li key={conversation.id}>
              <button type="button" className="link-button" onClick={() => void showConversation(conversation.id)}>
                {t(`kind.${conversation.kind}`)} · {conversation.snippet}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

/**
 * The folded card of a narrow window opens over the conversation's side, where its toggle is:
 * focus goes into it when it opens, and back to the toggle when × or Escape closes it.
 */
function useFoldedPanel() {
  const isOpen = useContactPanelStore((s) => s.isOpen);
  const closeButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(isOpen);
  useEffect(() => {
    // Opened by the person, not found open on start (remembered): nothing to take focus from then.
    if (isOpen && !wasOpen.current) closeButton.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);
  const close = () => {
    useContactPanelStore.getState().setOpen(false);
    document.querySelector<HTMLElement>('.contact-toggle')?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !isOpen || !closeButton.current?.checkVisibility()) return;
    // The window's Escape (clearing the selection) is not meant.
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  return { closeButton, close, onKeyDown };
}
