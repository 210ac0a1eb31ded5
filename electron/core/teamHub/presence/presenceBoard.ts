import type { ConversationPresence, PresenceActivity } from '../../../../shared/api/hub';
import type { PresenceNotice } from './presenceNotice';

type Entry = { name: string; conversationId: string; activity: PresenceActivity; since: number; heardAt: number };

/**
 * Teammates' presence as last heard, one entry per role (a person is in one conversation at a
 * time). Kept in memory only. Times are this desktop's clock: another's may be off.
 */
export class PresenceBoard {
  private readonly entries = new Map<string, Entry>();

  /** Takes a notice in; true when what `list()` shows changed (a heartbeat alone changes nothing). */
  heard(notice: PresenceNotice, now: number): boolean {
    const current = this.entries.get(notice.role);
    if (notice.activity === null) {
      // "Nothing in X any more" may arrive after "viewing Y": it only ends X.
      if (current?.conversationId !== notice.conversationId) return false;
      this.entries.delete(notice.role);
      return true;
    }
    const isSame = current?.conversationId === notice.conversationId && current.activity === notice.activity && current.name === notice.name;
    this.entries.set(notice.role, {
      name: notice.name,
      conversationId: notice.conversationId,
      activity: notice.activity,
      since: isSame ? current.since : now,
      heardAt: now,
    });
    return !isSame;
  }

  /** Forgets those not heard since `heardBefore` (they quit, crashed or lost the hub); true when any went. */
  forgetSilent(heardBefore: number): boolean {
    let hasForgotten = false;
    for (const [role, entry] of this.entries) {
      if (entry.heardAt >= heardBefore) continue;
      this.entries.delete(role);
      hasForgotten = true;
    }
    return hasForgotten;
  }

  /** By conversation, each person's activity and since when; in the order first heard. */
  list(): ConversationPresence[] {
    const byConversation = new Map<string, ConversationPresence>();
    for (const { conversationId, name, activity, since } of this.entries.values()) {
      const presence = byConversation.get(conversationId) ?? { conversationId, people: [] };
      presence.people.push({ name, activity, since });
      byConversation.set(conversationId, presence);
    }
    return [...byConversation.values()];
  }
}
