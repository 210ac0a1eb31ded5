import { create } from 'zustand';
import type { ReplyWindows } from '../../../shared/api/replies';
import type { Conversation } from '../../../shared/domain/entities';
import { call } from '../../app/coreClient';

/** Where a DM stands with its platform's reply window (Meta: 24 hours, then 7 days for a person). */
export type ReplyWindowState = { phase: 'open' | 'humanAgent'; until: number } | { phase: 'closed'; since: number };

export function replyWindowState(conversation: Pick<Conversation, 'kind' | 'platform' | 'lastInboundAt'>, windows: ReplyWindows, now: number): ReplyWindowState | null {
  const window = windows[conversation.platform];
  if (conversation.kind !== 'dm' || !window || conversation.lastInboundAt === null) return null;
  const closesAt = conversation.lastInboundAt + window.dmReplyWindowMs;
  if (now < closesAt) return { phase: 'open', until: closesAt };
  const humanAgentUntil = window.dmHumanAgentWindowMs === null ? null : conversation.lastInboundAt + window.dmHumanAgentWindowMs;
  if (humanAgentUntil !== null && now < humanAgentUntil) return { phase: 'humanAgent', until: humanAgentUntil };
  return { phase: 'closed', since: humanAgentUntil ?? closesAt };
}

type ReplyWindowsState = { windows: ReplyWindows; load(): Promise<void> };

/** The connected platforms' DM windows, read once: they are platform rules, not data. */
export const useReplyWindows = create<ReplyWindowsState>((set) => ({
  windows: {},
  async load() {
    set({ windows: await call('replies.windows', {}) });
  },
}));
