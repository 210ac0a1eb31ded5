import { describe, expect, it } from 'vitest';
import { replyWindowState } from './replyWindow';

const HOUR = 3_600_000;
const windows = { facebook: { dmReplyWindowMs: 24 * HOUR, dmHumanAgentWindowMs: 7 * 24 * HOUR }, bluesky: undefined };
const dm = { kind: 'dm' as const, platform: 'facebook' as const, lastInboundAt: 0 };

describe('replyWindowState', () => {
  it('open for 24 hours, then for a person up to 7 days, then closed', () => {
    expect(replyWindowState(dm, windows, 23 * HOUR)).toEqual({ phase: 'open', until: 24 * HOUR });
    expect(replyWindowState(dm, windows, 24 * HOUR)).toEqual({ phase: 'humanAgent', until: 7 * 24 * HOUR });
    expect(replyWindowState(dm, windows, 7 * 24 * HOUR)).toEqual({ phase: 'closed', since: 7 * 24 * HOUR });
  });

  it('says nothing of comments, platforms without a window, or a DM nobody wrote in', () => {
    expect(replyWindowState({ ...dm, kind: 'comment' }, windows, HOUR)).toBeNull();
    expect(replyWindowState({ ...dm, platform: 'bluesky' }, windows, HOUR)).toBeNull();
    expect(replyWindowState({ ...dm, lastInboundAt: null }, windows, HOUR)).toBeNull();
  });
});
