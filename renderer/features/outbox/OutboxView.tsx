import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../shared/api/outbox';
import { showConversation } from '../conversation/showConversation';
import { PlatformIcon } from '../sidebar/PlatformIcon';
import { OutboxItemLine } from './OutboxItemLine';
import { useOutboxStore } from './outboxStore';
import { useToastStore } from '../toast/toastStore';

/** Every reply not yet out, problems first, then what waits, then what went out lately. */
export function OutboxView() {
  const { t } = useTranslation();
  const view = useOutboxStore((s) => s.view);
  const needsCheck = useOutboxStore((s) => s.counts.needsCheck);
  if (!view) return <p className="pane-state" role="status">{t('pane.loading')}</p>;
  const isEmpty = view.needsCheck.length === 0 && view.problems.length === 0 && view.held.length === 0 && view.pending.length === 0;
  return (
    <div className="outbox-view">
      <div className="outbox-header">
        <h1 className="outbox-title">{t('outbox.title')}</h1>
        <UndoDelaySetting />
      </div>
      {isEmpty ? <p className="muted">{t('outbox.empty')}</p> : null}
      <Section title={t('outbox.toCheck', { count: needsCheck })} about={t('outbox.toCheckAbout')} items={view.needsCheck} />
      <Section title={t('outbox.problems')} items={view.problems} />
      <Section title={t('outbox.heldTitle')} about={t('outbox.heldAbout')} items={view.held} />
      <Section title={t('outbox.waiting')} items={view.pending} />
      <Section title={t('outbox.recent')} items={view.recent} />
    </div>
  );
}

const UNDO_CHOICES_MS = [0, 5_000, 10_000, 20_000, 30_000, 60_000] as const;

/** How long a sent reply can still be pulled back; 10 seconds unless the person chose. */
function UndoDelaySetting() {
  const { t } = useTranslation();
  const undoSendMs = useOutboxStore((s) => s.undoSendMs);
  const choose = (value: number) => {
    useOutboxStore
      .getState()
      .setUndoDelay(value)
      .catch((error: unknown) => useToastStore.getState().show('error', t('outbox.actionFailed', { message: (error as Error).message })));
  };
  return (
    <label className="outbox-setting">
      {t('outbox.undoDelay')}
      <select value={undoSendMs} onChange={(event) => choose(Number(event.target.value))}>
        {UNDO_CHOICES_MS.map((ms) => (
          <option key={ms} value={ms}>{ms === 0 ? t('outbox.undoOff') : t('outbox.undoSeconds', { count: ms / 1_000 })}</option>
        ))}
      </select>
    </label>
  );
}

function Section({ title, about, items }: { title: string; about?: string; items: OutboxItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section className="outbox-section" aria-label={title}>
      <h2>{title}</h2>
      {about ? <p className="outbox-about">{about}</p> : null}
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
