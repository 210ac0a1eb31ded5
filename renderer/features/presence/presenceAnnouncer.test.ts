import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_GAP_MS, PresenceAnnouncer } from './presenceAnnouncer';

describe('PresenceAnnouncer', () => {
  let sent: string[];
  let announcer: PresenceAnnouncer;
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    sent = [];
    announcer = new PresenceAnnouncer((conversationId, activity) => sent.push(`${conversationId} ${activity}`));
  });
  afterEach(() => vi.useRealTimers());

  it('says a new conversation at once, leaving the last one first, and nothing twice', () => {
    announcer.set({ conversationId: 'a', activity: 'viewing' });
    announcer.set({ conversationId: 'a', activity: 'viewing' });
    announcer.set({ conversationId: 'b', activity: 'viewing' });
    announcer.set(null);
    announcer.set(null);
    expect(sent).toEqual(['a viewing', 'a null', 'b viewing', 'b null']);
  });

  it('says at most one change of activity per gap in a conversation, the last one wanted', () => {
    announcer.set({ conversationId: 'a', activity: 'viewing' });
    announcer.set({ conversationId: 'a', activity: 'writing' });
    announcer.set({ conversationId: 'a', activity: 'viewing' });
    announcer.set({ conversationId: 'a', activity: 'writing' });
    expect(sent).toEqual(['a viewing']);
    vi.advanceTimersByTime(ACTIVITY_GAP_MS);
    expect(sent).toEqual(['a viewing', 'a writing']);
    // Typed, cleared and typed again within the gap: teammates still see writing, and hear nothing new.
    announcer.set({ conversationId: 'a', activity: 'viewing' });
    announcer.set({ conversationId: 'a', activity: 'writing' });
    vi.advanceTimersByTime(ACTIVITY_GAP_MS);
    expect(sent).toEqual(['a viewing', 'a writing']);
    // The gap has passed: a change goes at once. Leaving cannot wait: it goes at once, the pending change never.
    announcer.set({ conversationId: 'a', activity: 'viewing' });
    announcer.set({ conversationId: 'a', activity: 'writing' });
    announcer.set(null);
    vi.advanceTimersByTime(ACTIVITY_GAP_MS);
    expect(sent).toEqual(['a viewing', 'a writing', 'a viewing', 'a null']);
  });
});
