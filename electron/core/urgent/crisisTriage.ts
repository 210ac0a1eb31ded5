import { foldText } from '../../../shared/text/foldText';
import type { Clock } from '../clock';
import { prepareActivityWriter } from '../store/activity';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import type { IngestedMessage, TriageHook } from '../ingest/triageHook';

export type NewlyUrgent = { conversationId: string; reason: string; message: IngestedMessage };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** A whole-word, accent- and case-insensitive matcher for the workspace's crisis keywords; null if there are none. */
export function crisisMatcher(keywords: readonly string[]): ((text: string) => string | null) | null {
  if (keywords.length === 0) return null;
  // Escaped literals joined by |: no backtracking beyond the text's length.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${keywords.map((keyword) => escapeRegExp(foldText(keyword))).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  return (text) => pattern.exec(foldText(text))?.[1] ?? null;
}

/**
 * The first automatic source of urgency, as a triage hook: a message from a person with a
 * crisis keyword marks its conversation urgent inside the ingest transaction, with the
 * reason in the audit trail. Escalation happens after commit, from `takeNewlyUrgent`.
 */
export function createCrisisTriage(clock: Clock): { hook: TriageHook; takeNewlyUrgent(): NewlyUrgent[] } {
  let newlyUrgent: NewlyUrgent[] = [];
  const hook: TriageHook = (db: Db, messages) => {
    newlyUrgent = [];
    const keywords = cachedStatement<[], { keyword: string }>(db, 'SELECT keyword FROM crisis_keywords').all().map((row) => row.keyword);
    const match = crisisMatcher(keywords);
    if (!match) return [];
    const mark = cachedStatement(db, 'UPDATE conversations SET urgent_at = ?, updated_at = ? WHERE seq = ? AND urgent_at IS NULL');
    const record = prepareActivityWriter(db);
    for (const message of messages) {
      if (message.item.direction !== 'in') continue;
      const keyword = match(message.item.text);
      if (keyword === null) continue;
      const now = clock();
      if (mark.run(now, now, message.conversationSeq).changes === 0) continue;
      const reason = `keyword: ${keyword}`;
      record({ at: now, actor: 'rule:crisis-keywords', action: 'conversation.urgent', subjectType: 'conversation', subjectId: message.conversationId, data: { reason } });
      newlyUrgent.push({ conversationId: message.conversationId, reason, message });
    }
    return newlyUrgent.map((urgent) => urgent.conversationId);
  };
  return {
    hook,
    takeNewlyUrgent() {
      const taken = newlyUrgent;
      newlyUrgent = [];
      return taken;
    },
  };
}
