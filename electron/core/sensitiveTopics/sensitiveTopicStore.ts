import { Temporal } from 'temporal-polyfill';
import { ApiFailure } from '../../../shared/api/result';
import type { SensitiveTopic } from '../../../shared/api/sensitiveTopics';
import { isActiveOn } from '../../../shared/sensitiveTopics/topicMatch';
import { PERSON_COLUMNS, toPerson, type PersonRow } from '../duty/people';
import { zoneOf } from '../duty/personZone';
import { newId } from '../ids';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

type TopicRow = { id: string; name: string; words: string; starts_on: string; ends_on: string | null; created_at: number; updated_at: number };
export type TopicInput = Pick<SensitiveTopic, 'name' | 'words' | 'startsOn' | 'endsOn'>;

/**
 * The workspace's calendar day at `at`: in my schedule's zone, else this machine's. Read only
 * (a dry run writes nothing): before my row exists there is no schedule to read.
 */
export function workspaceDay(db: Db, at: number): string {
  const row = cachedStatement<[], PersonRow>(db, `SELECT ${PERSON_COLUMNS} FROM people WHERE is_me = 1`).get();
  return Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zoneOf(row ? toPerson(row) : { schedule: null })).toPlainDate().toString();
}

const toTopic = (row: TopicRow, today: string): SensitiveTopic => {
  const window = { startsOn: row.starts_on, endsOn: row.ends_on };
  return {
    id: row.id,
    name: row.name,
    words: JSON.parse(row.words) as string[],
    ...window,
    isActive: isActiveOn(window, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
};

/** Every topic, the soonest to start first. */
export function listTopics(db: Db, at: number): SensitiveTopic[] {
  const today = workspaceDay(db, at);
  return cachedStatement<[], TopicRow>(db, 'SELECT id, name, words, starts_on, ends_on, created_at, updated_at FROM sensitive_topics ORDER BY starts_on, name')
    .all()
    .map((row) => toTopic(row, today));
}

/** The topics active at `at`: while there is one, every automatic send waits for a person. */
export const activeTopics = (db: Db, at: number): SensitiveTopic[] => listTopics(db, at).filter((topic) => topic.isActive);

export function saveTopic(db: Db, topic: TopicInput, at: number, id?: string): SensitiveTopic {
  // The same word twice (once with its accent) would only be listed twice.
  const words = JSON.stringify([...new Map(topic.words.map((word) => [word.toLocaleLowerCase(), word])).values()]);
  if (id === undefined) {
    id = newId();
    cachedStatement(db, 'INSERT INTO sensitive_topics (id, name, words, starts_on, ends_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id, topic.name, words, topic.startsOn, topic.endsOn, at, at,
    );
  } else {
    const { changes } = cachedStatement(db, 'UPDATE sensitive_topics SET name = ?, words = ?, starts_on = ?, ends_on = ?, updated_at = ? WHERE id = ?').run(
      topic.name, words, topic.startsOn, topic.endsOn, at, id,
    );
    if (changes === 0) throw new ApiFailure('not_found', `There is no sensitive topic ${id}.`);
  }
  const saved = listTopics(db, at).find((candidate) => candidate.id === id);
  if (!saved) throw new Error(`The sensitive topic ${id} was saved but cannot be read back.`);
  return saved;
}

export const deleteTopic = (db: Db, id: string): boolean => cachedStatement(db, 'DELETE FROM sensitive_topics WHERE id = ?').run(id).changes > 0;
