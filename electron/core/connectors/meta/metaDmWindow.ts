import type { ReplyLimits } from '../connector';

const DAY_MS = 86_400_000;

/**
 * Meta's messaging window, the same for Messenger and Instagram DMs: a DM answered within 24 hours
 * of the person's last message, or by a person (the HUMAN_AGENT tag) up to 7 days after.
 */
export const META_DM_WINDOW = { dmReplyWindowMs: DAY_MS, dmHumanAgentWindowMs: 7 * DAY_MS } as const satisfies Partial<ReplyLimits>;
