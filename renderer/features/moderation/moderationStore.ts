import i18next from 'i18next';
import { create } from 'zustand';
import type { ModerationCapabilities } from '../../../shared/api/moderation';
import type { OutboxItem } from '../../../shared/api/outbox';
import { isDestructive, type ModerationAction } from '../../../shared/domain/moderation';
import type { Platform } from '../../../shared/domain/platform';
import { call } from '../../app/coreClient';
import { useInboxStore } from '../inbox/inboxStore';
import { useOutboxStore } from '../outbox/outboxStore';
import { useOverlayStore } from '../overlays/overlayStore';
import { useToastStore } from '../toast/toastStore';

/** One message (from the pane, or the focused conversation's latest), or a bulk from the list. */
export type ModerationTargets = { messageIds: string[] } | { conversationIds: string[] };

/** A moderation the person asked for, and what the confirmation and the toasts say about it. */
export type ModerationAsk = {
  action: ModerationAction;
  targets: ModerationTargets;
  /** The one message's author and platform; null for a bulk (several authors, maybe platforms). */
  single: { author: string; platform: Platform } | null;
  /** The platforms the targets are on: the confirmation says what the action does on each. */
  platforms: readonly Platform[];
  count: number;
};

type ModerationState = {
  capabilities: ModerationCapabilities;
  isLoaded: boolean;
  /** A destructive action waiting for the person's yes in the confirmation dialog. */
  confirming: ModerationAsk | null;
  loadCapabilities(): Promise<void>;
  /** What is undone in one step (hide, mute, unblock and their opposites) goes at once; the rest ask first. */
  ask(ask: ModerationAsk): void;
  /** `reason`: a report's, in the person's words (blank: none). */
  confirm(reason?: string): Promise<void>;
  dismiss(): void;
};

const seconds = (ms: number) => Math.round(ms / 1_000);

/** What can still be pulled back is offered back, with the time left to do it. */
function announceQueued(action: ModerationAction, items: OutboxItem[]): void {
  const undoMs = useOutboxStore.getState().undoSendMs;
  if (undoMs === 0 || items.length === 0) return;
  const undo = async () => {
    try {
      await Promise.all(items.map((item) => useOutboxStore.getState().cancel(item.id)));
      useToastStore.getState().show('info', i18next.t('moderation.undone'));
    } catch (error) {
      useToastStore.getState().show('error', i18next.t('outbox.actionFailed', { message: (error as Error).message }));
    }
  };
  const text =
    items.length === 1
      ? `${i18next.t('moderation.startsIn', { doing: i18next.t(`moderation.doing.${action}`), count: seconds(undoMs) })}.`
      : i18next.t('moderation.queued', { count: items.length, seconds: seconds(undoMs) });
  useToastStore.getState().show('info', text, { action: { label: i18next.t('moderation.undo'), run: () => void undo() }, visibleMs: undoMs });
}

async function act(ask: ModerationAsk, reason = ''): Promise<void> {
  try {
    const items = await call('moderation.act', { action: ask.action, ...ask.targets, ...(reason.trim() === '' ? {} : { reason }) });
    if ('conversationIds' in ask.targets) {
      useInboxStore.getState().clearChecked();
      // Reported as spam, they leave the inbox: the person did it here, so the list lets them go.
      void useInboxStore.getState().refresh({ released: ask.targets.conversationIds });
    }
    await useOutboxStore.getState().refresh();
    if (isDestructive(ask.action)) announceQueued(ask.action, items);
  } catch (error) {
    useToastStore.getState().show('error', i18next.t('moderation.notQueued', { message: (error as Error).message }));
  }
}

/** Every message's menu asks at once on first paint: one call answers them all. */
let loading: Promise<void> | null = null;

/** Moderation as the renderer sees it: what each platform allows, and the asking before acting. */
export const useModerationStore = create<ModerationState>((set, get) => ({
  capabilities: {},
  isLoaded: false,
  confirming: null,

  loadCapabilities() {
    loading ??= call('moderation.capabilities', {})
      .then((capabilities) => set({ capabilities, isLoaded: true }))
      .finally(() => {
        loading = null;
      });
    return loading;
  },

  ask(ask) {
    if (!isDestructive(ask.action)) return void act(ask);
    set({ confirming: ask });
    useOverlayStore.getState().show('confirmModeration');
  },

  async confirm(reason) {
    const ask = get().confirming;
    get().dismiss();
    if (ask) await act(ask, reason);
  },

  dismiss() {
    set({ confirming: null });
    useOverlayStore.getState().close();
  },
}));
