import { create } from 'zustand';
import type { ReplyWindows } from '../../../shared/api/replies';
import type { Conversation } from '../../../shared/domain/entities';
import { dmReplyWindow } from '../../../shared/domain/replyWindow';
import { call } from '../../app/coreClient';

/** Where a DM stands with its platform's reply window (Meta: 24 hours, then 7 days for a person). */
export type ReplyWindowState = { phase: 'open' | 'humanAgent'; until: number } | { phase: 'closed'; since: number };

export function replyWindowState(conversation: Pick<Conversation, 'kind' | 'platform' | 'lastInboundAt'>, windows: ReplyWindows, now: number): ReplyWindowState | null {
  const rule = windows[conversation.platform];
  // The person replying here is a person: the HUMAN_AGENT extension applies.
  const window = conversation.kind === 'dm' && rule ? dmReplyWindow(rule, conversation.lastInboundAt, true) : null;
  if (!window) return null;
  if (now < window.closesAt) return { phase: 'open', until: window.closesAt };
  if (window.humanAgentClosesAt !== null && now < window.humanAgentClosesAt) return { phase: 'humanAgent', until: window.humanAgentClosesAt };
  return { phase: 'closed', since: window.humanAgentClosesAt ?? window.closesAt };
}

type ReplyWindowsState = { windows: ReplyWindows; load(): Promise<void> };

/** The connected platforms' DM windows, read once: they are platform rules, not data. */
export const useReplyWindows = create<ReplyWindowsState>((set) => ({
  windows: {},
  async load() {
    set({ windows: await call('replies.windows', {}) });
  },
}));
