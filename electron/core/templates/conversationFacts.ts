import { ApiFailure } from '../../../shared/api/result';
import type { Platform } from '../../../shared/domain/platform';
import type { ConversationFacts } from '../../../shared/templates/variables';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

type FactsRow = {
  platform: string;
  contact_name: string;
  contact_handle: string;
  account_name: string;
  account_handle: string;
  language: string | null;
  link: string | null;
};

/**
 * What a template needs to know about a conversation. Its language is the one detected in
 * the contact's latest message (any message's, if theirs have none); its link is the latest
 * message's permalink, else the post's.
 */
export function conversationFacts(db: Db, conversationId: string): ConversationFacts & { language: string | null } {
  const row = cachedStatement<[string], FactsRow>(
    db,
    `SELECT c.platform, ct.name AS contact_name, ct.handle AS contact_handle, a.name AS account_name, a.handle AS account_handle,
       (SELECT m.language FROM messages m WHERE m.conversation_seq = c.seq AND m.language IS NOT NULL
        ORDER BY m.direction = 'in' DESC, m.seq DESC LIMIT 1) AS language,
       coalesce((SELECT m.permalink FROM messages m WHERE m.conversation_seq = c.seq AND m.permalink IS NOT NULL ORDER BY m.seq DESC LIMIT 1), p.permalink) AS link
     FROM conversations c JOIN accounts a ON a.seq = c.account_seq JOIN contacts ct ON ct.seq = c.contact_seq
     LEFT JOIN posts p ON p.seq = c.post_seq
     WHERE c.id = ?`,
  ).get(conversationId);
  if (!row) throw new ApiFailure('not_found', `There is no conversation ${conversationId}.`);
  // Read here rather than through duty/people: templates only need the name and the signature.
  const me = cachedStatement<[], { name: string; signature: string }>(db, 'SELECT name, signature FROM people WHERE is_me = 1').get();
  return {
    contact: { name: row.contact_name, handle: row.contact_handle },
    meName: me?.name ?? '',
    meSignature: me?.signature ?? '',
    account: { name: row.account_name, handle: row.account_handle },
    platform: row.platform as Platform,
    link: row.link,
    language: row.language,
  };
}
