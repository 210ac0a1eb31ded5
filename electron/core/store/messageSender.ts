import type { Db } from './database';
import { cachedStatement } from './statementCache';

/** Who sent one of the brand's messages, as the store records it (see SentBy for what the API says). */
export type SenderRecord = { kind: 'person'; personSeq: number | null; name?: string } | { kind: 'away_reply' } | { kind: 'rule'; ruleName: string };

/**
 * Names the sender of the brand's message `externalId` of an account. Sync may have stored it
 * first, as written outside Pieuvre: what Pieuvre knows of its own sends overrides that.
 * The person's name is kept as it is now, so it outlives their leaving the team.
 */
export function recordSender(db: Db, message: { accountId: string; externalId: string }, sender: SenderRecord): void {
  const personSeq = sender.kind === 'person' ? sender.personSeq : null;
  const name = sender.kind === 'rule' ? sender.ruleName : sender.kind === 'person' ? (sender.name ?? null) : null;
  cachedStatement<[string, number | null, string | null, number | null, string, string]>(
    db,
    `UPDATE messages SET sent_by_kind = ?, sent_by_person_seq = ?,
       sent_by_name = coalesce(?, (SELECT name FROM people WHERE seq = ?))
     WHERE direction = 'out' AND account_seq = (SELECT seq FROM accounts WHERE id = ?) AND external_id = ?`,
  ).run(sender.kind, personSeq, name, personSeq, message.accountId, message.externalId);
}
