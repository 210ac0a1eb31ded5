import type { PresenceActivity } from '../../../shared/api/hub';

export type MyPresence = { conversationId: string; activity: PresenceActivity } | null;
type Send = (conversationId: string, activity: PresenceActivity | null) => void;

/** Typing and clearing the box flips writing on and off: teammates hear at most one flip per this. */
export const ACTIVITY_GAP_MS = 2_000;

/**
 * Tells the core what this person does where, saying only changes: opening another conversation
 * at once (leaving the last one first), a change of activity in the same conversation at most
 * once per ACTIVITY_GAP_MS (the last one wins). The core repeats it to teammates as a heartbeat.
 */
export class PresenceAnnouncer {
  private said: MyPresence = null;
  private wanted: MyPresence = null;
  private lastSaidAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: Send,
    private readonly now: () => number = Date.now,
  ) {}

  set(next: MyPresence): void {
    this.wanted = next;
    const isSameConversation = next !== null && this.said !== null && next.conversationId === this.said.conversationId;
    if (!isSameConversation) return this.flush();
    const wait = this.lastSaidAt + ACTIVITY_GAP_MS - this.now();
    if (wait <= 0) return this.flush();
    this.timer ??= setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const { said, wanted } = this;
    if (said?.conversationId === wanted?.conversationId && said?.activity === wanted?.activity) return;
    if (said !== null && said.conversationId !== wanted?.conversationId) this.send(said.conversationId, null);
    if (wanted !== null) this.send(wanted.conversationId, wanted.activity);
    this.said = wanted;
    this.lastSaidAt = this.now();
  }
}
