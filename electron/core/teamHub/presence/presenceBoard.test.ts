import { describe, expect, it } from 'vitest';
import { PresenceBoard } from './presenceBoard';
import type { PresenceNotice } from './presenceNotice';

const julie = (conversationId: string, activity: PresenceNotice['activity']): PresenceNotice => ({ role: 'pieuvre_00000000000000aa', name: 'Julie', conversationId, activity, at: 0 });

describe('PresenceBoard', () => {
  it('keeps since when a heartbeat repeats the same, restarts it on a change, and forgets by silence', () => {
    const board = new PresenceBoard();
    expect(board.heard(julie('c-1', 'viewing'), 1_000)).toBe(true);
    expect(board.heard(julie('c-1', 'viewing'), 11_000)).toBe(false);
    expect(board.list()).toEqual([{ conversationId: 'c-1', people: [{ name: 'Julie', activity: 'viewing', since: 1_000 }] }]);
    expect(board.heard(julie('c-1', 'writing'), 12_000)).toBe(true);
    expect(board.list()[0]?.people[0]?.since).toBe(12_000);
    expect(board.forgetSilent(12_000)).toBe(false);
    expect(board.forgetSilent(12_001)).toBe(true);
    expect(board.list()).toEqual([]);
  });

  it('ends a conversation only when the "nothing any more" names the one last heard', () => {
    const board = new PresenceBoard();
    board.heard(julie('c-2', 'viewing'), 1_000);
    expect(board.heard(julie('c-1', null), 1_001)).toBe(false);
    expect(board.list()).toHaveLength(1);
    expect(board.heard(julie('c-2', null), 1_002)).toBe(true);
    expect(board.list()).toEqual([]);
  });
});
