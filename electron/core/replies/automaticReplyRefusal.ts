import type { Connector } from '../connectors/connector';
import type { Db } from '../store/database';
import { checkReply, describeProblem } from './replyPolicy';
import { replySituation } from './replySituation';

/**
 * The platform's rules for a reply Pieuvre sends on its own (an away reply, a rule's), as the
 * outbox will check them again at send time: never under Meta's HUMAN_AGENT tag, which is for
 * people. An account not connected yet (no connector) is checked then.
 */
export function automaticReplyRefusal(connector: Pick<Connector, 'limits'> | undefined, db: Db, conversationId: string, text: string, now: number): string | null {
  if (!connector) return null;
  const [problem] = checkReply(connector.limits, replySituation(db, conversationId), text, { now, sendAt: now, isHumanTyped: false }).problems;
  return problem ? describeProblem(problem) : null;
}
