import type { DigestActor, SinceYouLeft, UrgentHandling } from '../../../shared/api/digest';
import type { SentBy } from '../../../shared/domain/entities';
import { me, type Person } from '../duty/people';
import { keyTime } from '../ingest/messageKey';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';
import { assignedBetween, lastClosed, lastReplySeq, newConversationCounts, oldestWaiting, toDigestItem, unansweredSince, urgentBetween } from './digestQueries';
import { zoneOf } from '../duty/personZone';
import { messageBySeq } from '../store/messageBySeq';
import { lastOffPeriod } from './lastOffPeriod';

/** However long the absence, the digest looks back two weeks at most: older news is history, not a catch-up. */
export const DIGEST_MAX_MS = 14 * 86_400_000;
/** Items each list carries; its total says how many there were. */
const LIST_LIMIT = 20;

/** Names whoever the record says acted: me (as 'me' or, once synced, my id), a teammate, else a rule or the app itself. */
function actorOf(db: Db, actor: string, myId: string): DigestActor {
  if (actor === 'me' || actor === myId) return { kind: 'me' };
  const person = cachedStatement<[string], { name: string }>(db, 'SELECT name FROM people WHERE id = ?').get(actor);
  return person ? { kind: 'teammate', name: person.name } : { kind: 'automation' };
}

/** The digest's name for whoever sent one of the brand's messages. */
function senderActor(sentBy: SentBy | null): DigestActor {
  if (sentBy?.kind === 'person') return sentBy.isMe ? { kind: 'me' } : { kind: 'teammate', name: sentBy.name };
  if (sentBy?.kind === 'away_reply' || sentBy?.kind === 'rule') return { kind: 'automation' };
  return { kind: 'elsewhere' };
}

/**
 * Whether an urgent conversation was dealt with: answered when nothing from them waits for an
 * answer since the brand's last message (whenever it was sent: a backlog brings the question
 * and its answer together), else closed if it is done or spam. Null while it still waits.
 */
function handlingOf(db: Db, row: { seq: number; id: string; status: string }, myId: string): UrgentHandling | null {
  const reply = lastReplySeq(db, row.seq);
  if (reply !== null && unansweredSince(db, row.seq) === null) {
    const message = messageBySeq(db, reply);
    if (message) return { how: 'replied', at: message.createdAt, by: senderActor(message.sentBy) };
  }
  const closed = row.status === 'done' || row.status === 'spam' ? lastClosed(db, row.id) : null;
  return closed ? { how: 'closed', at: closed.at, by: actorOf(db, closed.actor, myId) } : null;
}

const dismissedAtOf = (db: Db, person: Person): number | null =>
  cachedStatement<[number], { digest_dismissed_at: number | null }>(db, 'SELECT digest_dismissed_at FROM people WHERE seq = ?').get(person.seq)?.digest_dismissed_at ?? null;

/**
 * Where the digest starts: when I last went off duty (schedule and overrides); with no off
 * time in the last 14 days (no hours set), when I last closed the digest; never more than
 * 14 days back. It is due once per return to duty: until I dismiss it after coming back.
 */
function digestPeriod(db: Db, person: Person, now: number): Pick<SinceYouLeft, 'since' | 'sinceReason' | 'isDue'> {
  const floor = now - DIGEST_MAX_MS;
  const off = lastOffPeriod(db, person, floor, now);
  const dismissedAt = dismissedAtOf(db, person);
  const isDue = off !== null && off.until !== null && (dismissedAt === null || dismissedAt < off.until);
  if (off) return { since: off.from, sinceReason: off.isCapped ? 'cap' : 'offDuty', isDue };
  if (dismissedAt !== null && dismissedAt > floor) return { since: dismissedAt, sinceReason: 'lastRead', isDue };
  return { since: floor, sinceReason: 'cap', isDue };
}

/** Whether the digest should open by itself now: schedule arithmetic only, cheap enough for every start. */
export function isDigestDue(db: Db, now: number): { isDue: boolean } {
  return { isDue: digestPeriod(db, me(db, now), now).isDue };
}

/** The digest for the person at this desktop over [since, now), read in one snapshot. */
export function sinceYouLeft(db: Db, now: number): SinceYouLeft {
  return db.transaction(() => {
    const person = me(db, now);
    const { since, sinceReason, isDue } = digestPeriod(db, person, now);
    const urgent = urgentBetween(db, since, now, LIST_LIMIT);
    const assigned = assignedBetween(db, person.id, since, now, LIST_LIMIT);
    const waiting = oldestWaiting(db);
    return {
      since,
      until: now,
      timeZone: zoneOf(person),
      sinceReason,
      isDue,
      newConversations: newConversationCounts(db, since, now),
      urgent: {
        total: urgent[0]?.total ?? 0,
        items: urgent.map((row) => ({ ...toDigestItem(row), urgentAt: row.urgent_at, handled: handlingOf(db, row, person.id) })),
      },
      assignedToMe: {
        total: assigned[0]?.total ?? 0,
        items: assigned.map((row) => ({ ...toDigestItem(row), assignedAt: row.assigned_at, by: actorOf(db, row.assigned_by, person.id) })),
      },
      oldestWaiting: waiting ? { ...toDigestItem(waiting), waitingSince: keyTime(waiting.waiting_key) } : null,
    };
  })();
}

/** Recorded per person: the digest then waits for my next return to open by itself. */
export function dismissDigest(db: Db, now: number): { dismissedAt: number } {
  const person = me(db, now);
  cachedStatement(db, 'UPDATE people SET digest_dismissed_at = ? WHERE seq = ?').run(now, person.seq);
  return { dismissedAt: now };
}
