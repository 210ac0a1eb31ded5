import type { ReplyCheck, ReplyWindows } from '../../../shared/api/replies';
import type { CoreContext } from '../coreContext';
import { checkReply } from './replyPolicy';
import { replySituation } from './replySituation';

/** A person's draft against its conversation's platform rules, sent now or at `sendAt`, in public or privately. */
export function checkDraft(ctx: CoreContext, draft: { conversationId: string; text: string; sendAt?: number | undefined; privately?: boolean | undefined; exceptKey?: string }): ReplyCheck {
  const situation = replySituation(ctx.db, draft.conversationId, null, draft.exceptKey);
  const connector = ctx.connectors.forAccount(situation.accountId);
  const now = ctx.clock();
  return checkReply(connector.limits, situation, draft.text, { now, sendAt: draft.sendAt ?? now, isHumanTyped: true, privately: draft.privately === true });
}

/** The DM windows of the connected platforms, for the list's "window closes in 3 h" badges. */
export function replyWindows(ctx: CoreContext): ReplyWindows {
  const windows: ReplyWindows = {};
  for (const accountId of ctx.connectors.connectedAccountIds()) {
    const connector = ctx.connectors.find(accountId);
    const { dmReplyWindowMs, dmHumanAgentWindowMs } = connector?.limits ?? { dmReplyWindowMs: null, dmHumanAgentWindowMs: null };
    if (connector && dmReplyWindowMs !== null) windows[connector.platform] = { dmReplyWindowMs, dmHumanAgentWindowMs };
  }
  return windows;
}
