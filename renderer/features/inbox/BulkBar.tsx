import { useTranslation } from 'react-i18next';
import type { ActionId } from '../keyboard/keymap';
import { runAction } from '../keyboard/runAction';
import { useInboxStore } from './inboxStore';

/** The bulk actions, in the order a person triages; each is the same action as its key. */
const BULK_ACTIONS: readonly { action: ActionId; icon: string; key: string }[] = [
  { action: 'done', icon: '✓', key: 'e' },
  { action: 'snooze', icon: '◔', key: 's' },
  { action: 'tag', icon: '#', key: '#' },
  { action: 'toggleUnread', icon: '●', key: 'u' },
  { action: 'assign', icon: '➜', key: 'a' },
  { action: 'spam', icon: '⊘', key: '!' },
  { action: 'moderate', icon: '⚑', key: 'm' },
];

/**
 * With conversations picked (x), every bulk action as a button with its key: one row along the
 * bottom of the window, so it fits at 1000 px in either language. Tab reaches it after the list.
 */
export function BulkBar() {
  const { t } = useTranslation();
  const count = useInboxStore((s) => s.checkedIds.length);
  const hasUnread = useInboxStore((s) => s.items.some((c) => c.unreadCount > 0 && s.checkedIds.includes(c.id)));
  if (count === 0) return null;
  const label = (action: ActionId) => (action === 'toggleUnread' ? t(hasUnread ? 'bulk.read' : 'bulk.unread') : t(`bulk.${action}`));
  return (
    <div className="bulk-bar" role="group" aria-label={t('bulk.label', { count })}>
      <span className="bulk-count">{t('list.selectedCount', { count })}</span>
      {BULK_ACTIONS.map(({ action, icon, key }) => (
        <button key={action} type="button" aria-keyshortcuts={key} title={t(`actions.${action}`)} onClick={() => runAction(action)}>
          <span className="bulk-icon" aria-hidden="true">{icon}</span>
          {label(action)}
          <kbd aria-hidden="true">{key}</kbd>
        </button>
      ))}
      <button
        type="button"
        className="bulk-clear"
        aria-keyshortcuts="Escape"
        onClick={() => {
          useInboxStore.getState().clearChecked();
          document.querySelector<HTMLElement>('.conversation-list')?.focus();
        }}
      >
        {t('bulk.clear')}
        <kbd aria-hidden="true">{t('shortcuts.keys.escape')}</kbd>
      </button>
    </div>
  );
}
