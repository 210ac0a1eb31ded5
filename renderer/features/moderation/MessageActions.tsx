import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationKind, Message } from '../../../shared/domain/entities';
import { actionsFor, isDestructive, type ModerationAction } from '../../../shared/domain/moderation';
import type { Platform } from '../../../shared/domain/platform';
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
    useModerationStore.getState().ask({ action, targets: { messageIds: [message.id] }, single: { author, platform }, count: 1 });
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
        <ActionMenu label={t('moderation.menu')} onClose={close}>
          {actions.map((action) => (
            <li key={action} role="none">
              <button type="button" role="menuitem" className={isDestructive(action) ? 'is-destructive' : ''} onClick={() => choose(action)}>
                {t(`moderation.action.${action}`, { platform: t(`platform.${platform}`), author })}
              </button>
            </li>
          ))}
        </ActionMenu>
      ) : null}
    </div>
  );
}

/** A menu that takes focus, moves with the arrow keys, and closes on Escape, Tab or a click elsewhere. */
function ActionMenu({ label, onClose, children }: { label: string; onClose: (refocus: boolean) => void; children: ReactNode }) {
  const ref = useRef<HTMLUListElement>(null);
  const items = () => [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    items()[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.parentElement?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [onClose]);
  const onKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') all.at((index + (event.key === 'ArrowDown' ? 1 : -1)) % all.length)?.focus();
    else if (event.key === 'Escape') onClose(true);
    else if (event.key === 'Tab') onClose(false);
    else return;
    // Handled here: the window's shortcuts (j, k, Escape...) must not act as well.
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
  };
  return (
    <ul ref={ref} role="menu" aria-label={label} className="message-menu" onKeyDown={onKeyDown}>
      {children}
    </ul>
  );
}
