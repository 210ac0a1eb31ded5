import type { ReplyCheck } from '../../../shared/api/replies';
import { measureAtOnce } from '../../../shared/text/draftLength';
import { call } from '../../app/coreClient';
import { useSettledAnswerTo } from '../../lib/useSettledAnswer';

const SETTLE_MS = 150;

/**
 * The draft against its platform's rules, from the core (the same check the outbox makes),
 * asked again once typing settles, as a private reply when `privately`. Null until known, or when
 * the account is not connected.
 */
export function useReplyCheck(conversationId: string, text: string, sendAt: number | null, privately = false): ReplyCheck | null {
  // JSON escapes line breaks: the first one ends the draft's part of the question.
  const draft = `${JSON.stringify([conversationId, sendAt, privately])}\n`;
  const question = draft + text;
  const settled = useSettledAnswerTo(question, () => call('replies.check', { conversationId, text, ...(sendAt === null ? {} : { sendAt }), ...(privately ? { privately } : {}) }), SETTLE_MS);
  if (settled === null || settled.question === question) return settled?.answer ?? null;
  // Another conversation's check, or another way of sending, may count in another unit.
  return settled.question.startsWith(draft) ? withLengthOf(text, settled.answer) : null;
}

/**
 * The check of an earlier text of the same draft has the length that text had (the first key
 * typed showed "0 / 2,000" until typing paused): the text's length now is measured here at once,
 * in the platform's unit, and the rest of the check follows once typing settles.
 */
function withLengthOf(text: string, check: ReplyCheck): ReplyCheck {
  const { length, isAtLeast, isAtMost } = measureAtOnce(text, check.lengthUnit, check.maxLength);
  return { ...check, length, isLengthAtLeast: isAtLeast, isLengthAtMost: isAtMost };
}
