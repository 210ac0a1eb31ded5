import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/domain/entities';

/** "Blocked", beside an author Pieuvre blocked on their platform: on the contact card and on each of their messages. */
export function BlockedBadge({ contact }: { contact: Pick<Contact, 'blockedAt'> }) {
  const { t } = useTranslation();
  return contact.blockedAt === null ? null : <span className="chip blocked">{t('contact.blocked')}</span>;
}
