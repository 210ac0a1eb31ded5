import { describe, expect, it, vi } from 'vitest';
import { createNotifier, newMessagesDecision, personNoticeDecision, urgentDecision, type NotificationClass } from './notifications';
import { SHELL_STRINGS } from './shellStrings';

/** Electron's Notification, recording what was built and letting the test click. */
function fakeNotificationClass(isSupported = true) {
  const shown: { options: { title: string; body: string }; click(): void; close(): void }[] = [];
  class FakeNotification {
    private listeners = new Map<string, () => void>();
    constructor(readonly options: { title: string; body: string }) {}
    static isSupported = () => isSupported;
    on(event: 'click' | 'close', listener: () => void) {
      this.listeners.set(event, listener);
      return this;
    }
    show() {
      shown.push({ options: this.options, click: () => this.listeners.get('click')?.(), close: () => this.listeners.get('close')?.() });
    }
  }
  return { Notification: FakeNotification satisfies NotificationClass, shown };
}

const setup = (options: { isSupported?: boolean; showsCountBesideIcon?: boolean; withTray?: boolean; readsMarkup?: boolean } = {}) => {
  const { Notification, shown } = fakeNotificationClass(options.isSupported);
  const tray = { setToolTip: vi.fn(), setTitle: vi.fn() };
  const setBadgeCount = vi.fn();
  const onClick = vi.fn();
  const notifier = createNotifier({
    Notification,
    setBadgeCount,
    tray: options.withTray === false ? null : tray,
    showsCountBesideIcon: options.showsCountBesideIcon ?? false,
    readsMarkup: options.readsMarkup ?? false,
    strings: SHELL_STRINGS.fr,
    onClick,
  });
  return { notifier, shown, tray, setBadgeCount, onClick };
};

describe('notify', () => {
  it('shows the decision as a native notification and reports the click with it', () => {
    const { notifier, shown, onClick } = setup();
    const decision = { title: 'Instagram — @fan3', body: 'Vous livrez à Trois-Rivières ?', conversationId: 'c-1' };
    expect(notifier.notify(decision)).toBe(true);
    expect(shown.map((n) => n.options)).toEqual([{ title: 'Instagram — @fan3', body: 'Vous livrez à Trois-Rivières ?' }]);
    shown[0]?.click();
    expect(onClick).toHaveBeenCalledWith(decision);
  });

  it('escapes markup where notification servers read it (Linux), and only there', () => {
    const decision = { title: 'Nouveau message de <b>Ana & Cie</b>', body: 'Essayez <a href="https://x.example">ceci</a> &amp; cela > rien' };
    const linux = setup({ readsMarkup: true });
    linux.notifier.notify(decision);
    expect(linux.shown.map((n) => n.options)).toEqual([{
      title: 'Nouveau message de &lt;b&gt;Ana &amp; Cie&lt;/b&gt;',
      body: 'Essayez &lt;a href="https://x.example"&gt;ceci&lt;/a&gt; &amp;amp; cela &gt; rien',
    }]);
    linux.shown[0]?.click();
    expect(linux.onClick).toHaveBeenCalledWith(decision);
    const elsewhere = setup({ readsMarkup: false });
    elsewhere.notifier.notify(decision);
    expect(elsewhere.shown.map((n) => n.options)).toEqual([decision]);
  });

  it('says so when the system has no notifications', () => {
    const { notifier, shown } = setup({ isSupported: false });
    expect(notifier.notify({ title: 'x', body: 'y' })).toBe(false);
    expect(shown).toEqual([]);
  });
});

describe('setUnreadCount', () => {
  it('sets the badge and the tray label', () => {
    const { notifier, setBadgeCount, tray } = setup();
    notifier.setUnreadCount(3);
    expect(setBadgeCount).toHaveBeenLastCalledWith(3);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Pieuvre — 3 conversations non lues');
    expect(tray.setTitle).not.toHaveBeenCalled();
    notifier.setUnreadCount(0);
    expect(setBadgeCount).toHaveBeenLastCalledWith(0);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Pieuvre — aucune conversation non lue');
  });

  it('puts the count beside the icon where the system shows it (macOS), blank at zero', () => {
    const { notifier, tray } = setup({ showsCountBesideIcon: true });
    notifier.setUnreadCount(12);
    expect(tray.setTitle).toHaveBeenLastCalledWith('12');
    notifier.setUnreadCount(0);
    expect(tray.setTitle).toHaveBeenLastCalledWith('');
  });

  it('works without a tray and never shows a negative or fractional count', () => {
    const { notifier, setBadgeCount } = setup({ withTray: false });
    notifier.setUnreadCount(-4);
    notifier.setUnreadCount(2.7);
    expect(setBadgeCount.mock.calls).toEqual([[0], [2]]);
  });
});

describe('newMessagesDecision', () => {
  const notice = (count: number) => ({
    count,
    conversationIds: ['c1'],
    latest: { conversationId: 'c1', author: 'Léa Fournier', platform: 'bluesky' as const, snippet: 'Mon colis est arrivé brisé' },
  });

  it('names the author of a single new message, in the shell language', () => {
    expect(newMessagesDecision(notice(1), SHELL_STRINGS.fr)).toEqual({ title: 'Nouveau message de Léa Fournier', body: 'Mon colis est arrivé brisé', conversationId: 'c1' });
    expect(newMessagesDecision(notice(1), SHELL_STRINGS.en).title).toBe('New message from Léa Fournier');
  });

  it('counts several, naming the latest', () => {
    expect(newMessagesDecision(notice(1200), SHELL_STRINGS.fr)).toEqual({
      title: `${new Intl.NumberFormat('fr-CA').format(1200)} nouveaux messages`,
      body: 'Le plus récent, de Léa Fournier : Mon colis est arrivé brisé',
      conversationId: 'c1',
    });
    expect(newMessagesDecision(notice(3), SHELL_STRINGS.en).title).toBe('3 new messages');
  });
});

describe('urgentDecision', () => {
  const notice = (includesMe: boolean, notifiesMe = includesMe) => ({ conversationId: 'c9', reason: 'keyword: hôpital', author: 'Marc', snippet: 'Mon fils est à l’hôpital', recipientIds: includesMe ? ['me'] : [], includesMe, notifiesMe });

  it('notifies only when the gate says so, naming the urgency in the shell language', () => {
    expect(urgentDecision(notice(true), SHELL_STRINGS.fr)).toEqual({ title: 'Urgent : Marc', body: 'Mon fils est à l’hôpital', conversationId: 'c9' });
    expect(urgentDecision(notice(false), SHELL_STRINGS.en)).toBeNull();
    // A recipient who turned urgent notifications off (and is not on call).
    expect(urgentDecision(notice(true, false), SHELL_STRINGS.en)).toBeNull();
  });
});

describe('personNoticeDecision', () => {
  it('says who mentioned or handed off, in the shell language, and opens the conversation', () => {
    expect(personNoticeDecision({ kind: 'mention', conversationId: 'c1', from: 'Julie', text: '@Marc tu peux?' }, SHELL_STRINGS.fr)).toEqual({
      title: 'Julie vous a mentionné dans une note',
      body: '@Marc tu peux?',
      conversationId: 'c1',
    });
    expect(personNoticeDecision({ kind: 'handoff', conversationId: null, from: 'Ana', text: 'Refund promised' }, SHELL_STRINGS.en)).toEqual({ title: 'Ana handed you a conversation', body: 'Refund promised' });
  });
});
