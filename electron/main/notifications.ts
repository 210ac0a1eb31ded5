import type { NewMessagesNotice, PersonNoticeEvent, UrgentNotice } from '../../shared/api/events';
import type { ShellStrings } from './shellStrings';

/** What the core (or a rule) decided the user should be told about. */
export type NotificationDecision = {
  title: string;
  body: string;
  /** The conversation to open when the notification is clicked. */
  conversationId?: string;
};

type NativeNotification = { on(event: 'click' | 'close', listener: () => void): unknown; show(): void };
/** Electron's `Notification` class, as far as the notifier uses it. */
export type NotificationClass = {
  new (options: { title: string; body: string }): NativeNotification;
  isSupported(): boolean;
};

export type Notifier = {
  /** Shows a native notification; false when the system cannot. */
  notify(decision: NotificationDecision): boolean;
  /** The tray's label and the dock/launcher badge. */
  setUnreadCount(count: number): void;
};

/**
 * Linux notification servers may read the body, and some the title, as a small markup
 * language: a message saying "<b>" or "&amp;" must show those characters, not formatting.
 */
export const escapeNotificationMarkup = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The one way anything reaches the user outside the window: every native notification, the
 * tray's unread label and the badge go through here, so offline hours ("off duty means no
 * notification, no badge, no count") can be enforced in this single place.
 */
export function createNotifier(deps: {
  Notification: NotificationClass;
  setBadgeCount(count: number): unknown;
  tray: { setToolTip(text: string): void; setTitle(title: string): void } | null;
  /** macOS shows a tray title beside the icon; elsewhere only the tooltip exists. */
  showsCountBesideIcon: boolean;
  /** Linux's notification servers take markup (see escapeNotificationMarkup). */
  readsMarkup: boolean;
  strings: ShellStrings;
  onClick(decision: NotificationDecision): void;
}): Notifier {
  // A notification nobody references can be garbage-collected while on screen, and its click
  // handler with it: keep each one until it is clicked or closed.
  const onScreen = new Set<NativeNotification>();
  return {
    notify(decision) {
      if (!deps.Notification.isSupported()) return false;
      const asText = deps.readsMarkup ? escapeNotificationMarkup : (text: string) => text;
      const notification = new deps.Notification({ title: asText(decision.title), body: asText(decision.body) });
      onScreen.add(notification);
      notification.on('click', () => {
        onScreen.delete(notification);
        deps.onClick(decision);
      });
      notification.on('close', () => onScreen.delete(notification));
      notification.show();
      return true;
    },
    setUnreadCount(count) {
      const unread = Math.max(0, Math.floor(count));
      deps.setBadgeCount(unread);
      deps.tray?.setToolTip(deps.strings.unread(unread));
      if (deps.showsCountBesideIcon) deps.tray?.setTitle(unread > 0 ? String(unread) : '');
    },
  };
}

/** The core's notice, in the shell's language: one message names its author, several are counted. */
export function newMessagesDecision(notice: NewMessagesNotice, strings: ShellStrings): NotificationDecision {
  const { author, snippet, conversationId } = notice.latest;
  return notice.count === 1
    ? { title: strings.newMessage(author), body: snippet, conversationId }
    : { title: strings.newMessages(notice.count), body: strings.latest(author, snippet), conversationId };
}

/** An urgent item the gate escalated to this desktop's person; null unless the gate says to tell them. */
export function urgentDecision(notice: UrgentNotice, strings: ShellStrings): NotificationDecision | null {
  if (!notice.notifiesMe) return null;
  return { title: strings.urgent(notice.author), body: notice.snippet, conversationId: notice.conversationId };
}

/** A notice the core delivered to this desktop's person (already gated on their duty): who, and what they wrote. */
export function personNoticeDecision(notice: PersonNoticeEvent, strings: ShellStrings): NotificationDecision {
  const title = notice.kind === 'mention' ? strings.mentioned(notice.from) : notice.kind === 'handoff' ? strings.handedOff(notice.from) : strings.ruleNotice(notice.from);
  return notice.conversationId === null ? { title, body: notice.text } : { title, body: notice.text, conversationId: notice.conversationId };
}
