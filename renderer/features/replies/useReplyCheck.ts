import type { ReplyCheck } from '../../../shared/api/replies';
import { call } from '../../app/coreClient';
import { useSettledAnswer } from '../../lib/useSettledAnswer';

const SETTLE_MS = 150;

/**
 * The draft against its platform's rules, from the core (the same check the outbox makes),
 * asked again once typing settles, as a private reply when `privately`. Null until known, or when
 * the account is not connected.
 */
export function useReplyCheck(conversationId: string, text: string, sendAt: number | null, privately = false): ReplyCheck | null {
  return useSettledAnswer(JSON.stringify([conversationId, text, sendAt, privately]), () => call('replies.check', { conversationId, text, ...(sendAt === null ? {} : { sendAt }), ...(privately ? { privately } : {}) }), SETTLE_MS);
}
