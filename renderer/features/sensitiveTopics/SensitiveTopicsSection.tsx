import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SensitiveTopic } from '../../../shared/api/sensitiveTopics';
import { formatWrittenDate } from '../../../shared/text/writtenDate';
import { localeOf } from '../../i18n/i18n';
import { useToastStore } from '../toast/toastStore';
import { emptyDraft, toDraft } from './topicDraft';
import { TopicForm } from './TopicForm';
import { useSensitiveTopicsStore } from './sensitiveTopicsStore';

/** Today as the date inputs write it, in this computer's zone. */
const today = () => new Date().toLocaleDateString('en-CA');

/**
 * Settings → Sensitive topics: words to be careful with while a crisis or a tragedy is in the
 * news. While one is active, replies touching it ask first and automatic sends wait for an OK.
 */
export function SensitiveTopicsSection() {
  const { t } = useTranslation();
  const topics = useSensitiveTopicsStore((s) => s.topics);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  useEffect(() => {
    void useSensitiveTopicsStore.getState().load();
  }, []);
  if (!topics) return <section className="settings-section" aria-busy="true" />;
  const edited = editing?.id ? topics.find((topic) => topic.id === editing.id) : undefined;
  return (
    <section className="settings-section sensitive-topics">
      <p className="muted">{t('sensitiveTopics.about')}</p>
      {topics.length === 0 ? <p>{t('sensitiveTopics.empty')}</p> : null}
      <ul className="topic-list" aria-label={t('sensitiveTopics.listLabel')}>
        {topics.map((topic) => (
          <TopicLine key={topic.id} topic={topic} onEdit={() => setEditing({ id: topic.id })} />
        ))}
      </ul>
      {editing ? (
        <TopicForm key={editing.id ?? 'new'} id={editing.id} initial={edited ? toDraft(edited) : emptyDraft(today())} onDone={() => setEditing(null)} />
      ) : (
        <div className="dialog-actions">
          <button type="button" onClick={() => setEditing({ id: null })}>{t('sensitiveTopics.add')}</button>
        </div>
      )}
    </section>
  );
}

function TopicLine({ topic, onEdit }: { topic: SensitiveTopic; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const date = (day: string) => formatWrittenDate(new Date(`${day}T12:00`).getTime(), localeOf(i18n.language), { day: 'numeric', month: 'long', year: 'numeric' });
  const dates = topic.endsOn === null ? t('sensitiveTopics.from', { start: date(topic.startsOn) }) : t('sensitiveTopics.between', { start: date(topic.startsOn), end: date(topic.endsOn) });
  const remove = () => {
    useSensitiveTopicsStore
      .getState()
      .remove(topic.id)
      .then(() => useToastStore.getState().show('info', t('sensitiveTopics.deleted', { name: topic.name })))
      .catch((error: unknown) => useToastStore.getState().show('error', t('sensitiveTopics.deleteFailed', { message: (error as Error).message })));
  };
  return (
    <li className="topic-line" aria-label={topic.name}>
      <div className="topic-summary">
        <strong>{topic.name}</strong> {topic.isActive ? <span className="topic-active">{t('sensitiveTopics.active')}</span> : null}
        <p className="muted">{dates}</p>
        <p className="topic-words">{topic.words.join(', ')}</p>
      </div>
      {isConfirming ? (
        <div className="topic-actions" role="group" aria-label={t('sensitiveTopics.confirmDelete', { name: topic.name })}>
          <span>{t('sensitiveTopics.confirmDelete', { name: topic.name })}</span>
          {/* Keeping it is the safe answer: focused first. */}
          <button type="button" autoFocus onClick={() => setIsConfirming(false)}>{t('sensitiveTopics.keep')}</button>
          <button type="button" className="danger" onClick={remove}>{t('sensitiveTopics.delete')}</button>
        </div>
      ) : (
        <div className="topic-actions">
          <button type="button" onClick={onEdit}>{t('sensitiveTopics.edit')}</button>
          <button type="button" onClick={() => setIsConfirming(true)}>{t('sensitiveTopics.delete')}</button>
        </div>
      )}
    </li>
  );
}
