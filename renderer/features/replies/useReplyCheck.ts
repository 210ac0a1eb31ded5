import { useEffect, useState } from 'react';
import type { ReplyCheck } from '../../../shared/api/replies';
import { call } from '../../app/coreClient';

const SETTLE_MS = 150;

/**
 * The draft against its platform's rules, from the core (the same check the outbox makes),
 * asked again once typing settles. Null until known, or when the account is not connected.
 */
export function useReplyCheck(conversationId: string, text: string, sendAt: number | null): ReplyCheck | null {
  const [check, setCheck] = useState<ReplyCheck | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => {
      call('replies.check', { conversationId, text, ...(sendAt === null ? {} : { sendAt }) }).then(
        (result) => isCurrent && setCheck(result),
        () => isCurrent && setCheck(null),
      );
    }, SETTLE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [conversationId, text, sendAt]);
  return check;
}
