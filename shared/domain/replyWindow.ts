/** A platform's DM reply window (Meta: 24 hours, then up to 7 days for a reply typed by a person). */
export type DmWindowRule = { dmReplyWindowMs: number | null; dmHumanAgentWindowMs: number | null };

/**
 * When a DM stops taking replies, counted from the person's last message: the usual window, and
 * how long a person (never an automation) may still answer past it. Null: no window here.
 */
export function dmReplyWindow(rule: DmWindowRule, lastInboundAt: number | null, isHumanTyped: boolean): { closesAt: number; humanAgentClosesAt: number | null } | null {
  if (rule.dmReplyWindowMs === null || lastInboundAt === null) return null;
  const humanAgent = isHumanTyped && rule.dmHumanAgentWindowMs !== null ? lastInboundAt + rule.dmHumanAgentWindowMs : null;
  return { closesAt: lastInboundAt + rule.dmReplyWindowMs, humanAgentClosesAt: humanAgent };
}
