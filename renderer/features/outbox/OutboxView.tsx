import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../shared/api/outbox';
import { showConversation } from '../conversation/showConversation';
import { PlatformIcon } from '../sidebar/PlatformIcon';
import { OutboxItemLine } from './OutboxItemLine';
import { useOutboxStore } from './outboxStore';

/** Every reply not yet out, problems first, then what waits, then what went out lately. */
export function OutboxView() {
  const { t } = useTranslation();
  const view = useOutboxStore((s) => s.view);
  if (!view) return <p className="pane-state" role="status">{t('pane.loading')}</p>;
  const isEmpty = view.problems.length === 0 && view.pending.length === 0;
  return (
    <div className="outbox-view">
      <h1 className="outbox-title">{t('outbox.title')}</h1>
      {isEmpty ? <p className="muted">{t('outbox.empty')}</p> : null}
      <Section title={t('outbox.problems')} items={view.problems} />
      <Section title={t('outbox.waiting')} items={view.pending} />
      <Section title={t('outbox.recent')} items={view.recent} />
    </div>
  );
}

function Section({ title, items }: { title: string; items: OutboxItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section className="outbox-section" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id} className="outbox-row">
            <button type="button" className="outbox-open" onClick={() => void showConversation(item.conversationId)}>
              <PlatformIcon platform={item.platform} />
              <span>{item.moderation ? t('moderation.conversationWith', { name: item.recipient }) : t('outbox.to', { name: item.recipient })}</span>
            </button>
            <OutboxItemLine item={item} showsText />
          </li>
        ))}
      </ul>
    </section>
  );
}
