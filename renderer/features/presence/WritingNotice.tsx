import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/i18n';
import { usePresenceIn } from './presenceStore';

/** Above the composer: "Julie is writing a reply…", while a teammate writes in this conversation. */
export function WritingNotice({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation();
  const people = usePresenceIn(conversationId);
  const writers = people.filter((person) => person.activity === 'writing').map((person) => person.name);
  if (writers.length === 0) return null;
  const names = new Intl.ListFormat(localeOf(i18n.language), { type: 'conjunction' }).format(writers);
  return <p className="writing-notice" role="status">{t('presence.writingAbove', { count: writers.length, names })}</p>;
}
