import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationKind, Message } from '../../../shared/domain/entities';
import { actionsFor, isDestructive, type ModerationAction } from '../../../shared/domain/moderation';
import type { Platform } from '../../../shared/domain/platform';
import { useListNavigation } from '../../lib/useListNavigation';
import { authorOf } from './moderationCommands';
import { useModerationStore } from './moderationStore';

type Props = { message: Message; accountId: string; platform: Platform; kind: ConversationKind };

/** The ⋯ menu on a message: only what its account allows on it (on the brand's own reply, deleting it). */
export function MessageActions({ message, accountId, platform, kind }: Props) {
  const { t } = useTranslation();
  const capabilities = useModerationStore((s) => s.capabilities[accountId]);
  const isLoaded = useModerationStore((s) => s.isLoaded);
  const [isOpen, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!isLoaded) void useModerationStore.getState().loadCapabilities();
  }, [isLoaded]);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) toggle.current?.focus();
  }, []);
  const actions = actionsFor(capabilities ?? [], { kind, ...message });
  if (actions.length === 0) return null;
  const author = authorOf(message);
  const choose = (action: ModerationAction) => {
    close(true);
    useModerationStore.getState().ask({ action, targets: { messageIds: [message.id] }, single: { author, platform }, platforms: [platform], count: 1 });
  };
  return (
    <div className="message-actions">
      <button
        ref={toggle}
        type="button"
        className="icon-button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-label={t('moderation.menu')}
        title={t('moderation.menu')}
        onClick={() => setOpen(!isOpen)}
      >
        ⋯
      </button>
      {isOpen ? (
        <ActionMenu
          label={t('moderation.menu')}
          items={actions.map((action) => ({ key: action, label: t(`moderation.action.${action}`, { platform: t(`platform.${platform}`), author }), isDestructive: isDestructive(action) }))}
          onChoose={(index) => {
            const action = actions[index];
            if (action) choose(action);
          }}
          onClose={close}
        />
      ) : null}
    </div>
  );
}

type MenuItem = { key: string; label: string; isDestructive: boolean };
type ActionMenuProps = { label: string; items: MenuItem[]; onChoose: (index: number) => void; onClose: (refocus: boolean) => void };

/**
 * A menu (the WAI-ARIA menu button pattern): focus on its first item, ↓/↑ (round), Home/End and
 * first letters move it, Enter/Space choose; Escape closes back to ⋯, Tab or a click elsewhere close it.
 */
function ActionMenu({ label, items, onChoose, onClose }: ActionMenuProps) {
  const ref = useRef<HTMLUListElement>(null);
  const idPrefix = useId();
  const menu = useListNavigation({ count: items.length, labels: items.map((item) => item.label), wraps: true, idOf: (index) => `${idPrefix}-${index}`, onChoose });
  // Focus is on the item itself (menus move focus, unlike listboxes, which name the active option).
  useEffect(() => {
    if (menu.activeId) document.getElementById(menu.activeId)?.focus();
  }, [menu.activeId]);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.parentElement?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [onClose]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose(true);
    } else if (event.key === 'Tab') onClose(false);
    else if (!menu.onKeyDown(event)) return;
    // Handled here: the window's shortcuts (j, k, Escape...) must not act as well.
    event.stopPropagation();
  };
  return (
    <ul ref={ref} role="menu" aria-label={label} className="message-menu" onKeyDown={onKeyDown}>
      {items.map((item, index) => (
        <li key={item.key} role="none">
          <button
            type="button"
            role="menuitem"
            id={menu.idOf(index)}
            tabIndex={index === menu.active ? 0 : -1}
            className={item.isDestructive ? 'is-destructive' : undefined}
            onClick={() => onChoose(index)}
            onMouseMove={() => menu.setActive(index)}
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
